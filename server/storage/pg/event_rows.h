#pragma once

#include "server/storage/catalog_repository.h"

#include <pqxx/row>
#include <pqxx/transaction_base>
#include <span>

namespace usher::server::pg {

// An event's inventory rows for the seats and standing areas of its layout: a seat the layout
// blocks for good starts blocked with the layout's reason.
void insertSeatRows(pqxx::transaction_base& tx, storage::EventId event,
                    std::span<const storage::SeatRow> seats);
void insertGaRows(pqxx::transaction_base& tx, storage::EventId event, std::span<const storage::GaRow> areas);

// The columns eventRecordOf reads, with the FROM clause (events e joined to venues v): append a
// WHERE clause.
extern const std::string kEventRecordColumns;
storage::EventRecord eventRecordOf(const pqxx::row& row);

} // namespace usher::server::pg
