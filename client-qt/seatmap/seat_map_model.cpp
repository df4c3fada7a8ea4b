#include "client-qt/seatmap/seat_map_model.h"

#include "common/layout/editing.h"
#include "common/layout/geometry.h"
#include "common/layout/seat_location.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace usher::seatmap {

using layout::kNoIndex;
using layout::SeatLocation;

QString stateName(SeatState state) {
    switch (state) {
    case SeatState::Available:
        return QCoreApplication::translate("usher::seatmap", "available");
    case SeatState::HeldByMe:
        return QCoreApplication::translate("usher::seatmap", "held by you");
    case SeatState::HeldByOthers:
        return QCoreApplication::translate("usher::seatmap", "held by someone else");
    case SeatState::Sold:
        return QCoreApplication::translate("usher::seatmap", "sold");
    case SeatState::Blocked:
        return QCoreApplication::translate("usher::seatmap", "blocked");
    case SeatState::Allotted:
        return QCoreApplication::translate("usher::seatmap", "allotted");
    }
    return {};
}

SeatMapModel::SeatMapModel(QObject* parent) : QObject(parent) {}

SeatMapModel::~SeatMapModel() = default;

void SeatMapModel::setLayout(layout::VenueLayout venue) {
    m_layout = std::move(venue);
    indexLayout();
    m_states.assign(m_index->seatCount(), SeatState::Available);
    m_selected.assign(m_index->seatCount(), 0);
    m_holders.clear();
    m_categoryColors.clear();
    for (const layout::PriceCategory& category : m_layout.categories) { // LayoutIndex's category order
        m_categoryColors.emplace_back(QString::fromStdString(category.color));
    }
    m_categoryColors.emplace_back(160, 160, 160); // the slot of seats with an unknown category
    m_cursor = 0;
    m_verticalGoal.reset();
    m_anchor.reset();
    Q_EMIT layoutReset();
}

bool SeatMapModel::moveSections(layout::VenueLayout venue, std::span<const std::size_t> sections) {
    if (!m_index || venue.sections.size() != m_layout.sections.size()) {
        return false;
    }
    for (std::size_t s : sections) {
        if (s >= venue.sections.size() ||
            !layout::sameApartFromPositions(m_layout.sections[s], venue.sections[s])) {
            return false;
        }
    }
    m_layout = std::move(venue);
    indexLayout();
    m_verticalGoal.reset();
    // Sections are contiguous seat ranges, in layout order (LayoutIndex numbering).
    std::vector<std::uint32_t> firstSeat(m_layout.sections.size() + 1, 0);
    for (std::size_t s = 0; s < m_layout.sections.size(); ++s) {
        std::uint32_t count = 0;
        for (const layout::Row& row : m_layout.sections[s].rows) {
            count += static_cast<std::uint32_t>(row.seats.size());
        }
        firstSeat[s + 1] = firstSeat[s] + count;
    }
    for (std::size_t s : sections) {
        Q_EMIT seatsMoved(firstSeat[s], firstSeat[s + 1]);
    }
    return true;
}

void SeatMapModel::indexLayout() {
    m_index = std::make_unique<layout::LayoutIndex>(m_layout);
    // Which row is in front of which depends on where the rows are.
    const auto lines = m_index->lines();
    m_lineInFront.assign(lines.size(), kNoIndex);
    for (std::uint32_t line = 0; line < lines.size(); ++line) {
        if (lines[line].behind != kNoIndex) {
            m_lineInFront[lines[line].behind] = line;
        }
    }
}

std::optional<std::uint32_t> SeatMapModel::find(std::string_view seatId) const {
    if (!m_index) {
        return std::nullopt;
    }
    return m_index->find(seatId);
}

void SeatMapModel::applyChanges(std::span<const Change> changes) {
    std::vector<std::uint32_t> changed;
    std::vector<std::uint32_t> deselected;
    changed.reserve(changes.size());
    for (const Change& change : changes) {
        if (change.seat >= m_states.size() || m_states[change.seat] == change.state) {
            continue;
        }
        m_states[change.seat] = change.state;
        if (change.state != SeatState::HeldByOthers) {
            m_holders.remove(change.seat);
        }
        if (!isSelectable(change.state)) {
            setSelected(change.seat, false, deselected);
        }
        changed.push_back(change.seat);
    }
    if (!changed.empty()) {
        Q_EMIT seatsChanged(changed);
    }
    if (!deselected.empty()) {
        Q_EMIT selectionChanged(deselected);
    }
}

std::size_t SeatMapModel::countIn(SeatState state) const {
    return static_cast<std::size_t>(std::count(m_states.begin(), m_states.end(), state));
}

void SeatMapModel::setCategoryPrices(QHash<QString, QString> prices) {
    m_prices = std::move(prices);
    Q_EMIT pricesChanged();
}

void SeatMapModel::setHolder(std::uint32_t seat, const QString& holder) {
    if (holder.isEmpty()) {
        m_holders.remove(seat);
    } else {
        m_holders.insert(seat, holder);
    }
}

std::vector<std::uint32_t> SeatMapModel::selection() const {
    std::vector<std::uint32_t> seats;
    for (std::uint32_t seat = 0; seat < m_selected.size(); ++seat) {
        if (m_selected[seat]) {
            seats.push_back(seat);
        }
    }
    return seats;
}

void SeatMapModel::setSelected(std::uint32_t seat, bool selected, std::vector<std::uint32_t>& changed) {
    if (seat >= m_selected.size() || (m_selected[seat] != 0) == selected) {
        return;
    }
    if (selected && !isSelectable(m_states[seat])) {
        return;
    }
    m_selected[seat] = selected ? 1 : 0;
    changed.push_back(seat);
}

void SeatMapModel::toggle(std::uint32_t seat) {
    if (seat >= m_selected.size()) {
        return;
    }
    std::vector<std::uint32_t> changed;
    setSelected(seat, !isSelected(seat), changed);
    m_anchor = seat;
    if (!changed.empty()) {
        Q_EMIT selectionChanged(changed);
    }
}

void SeatMapModel::extendTo(std::uint32_t seat) {
    if (seat >= m_selected.size()) {
        return;
    }
    const auto lineOf = [&](std::uint32_t s) { return m_index->runs()[m_index->seat(s).run].line; };
    if (!m_anchor || lineOf(*m_anchor) != lineOf(seat)) {
        toggle(seat);
        return;
    }
    std::vector<std::uint32_t> changed;
    for (std::uint32_t s = std::min(*m_anchor, seat); s <= std::max(*m_anchor, seat); ++s) {
        setSelected(s, true, changed);
    }
    if (!changed.empty()) {
        Q_EMIT selectionChanged(changed);
    }
}

void SeatMapModel::select(std::span<const std::uint32_t> seats, bool replace) {
    std::vector<std::uint32_t> changed;
    if (replace) {
        std::vector<std::uint8_t> wanted(m_selected.size(), 0);
        for (std::uint32_t seat : seats) {
            if (seat < wanted.size()) {
                wanted[seat] = 1;
            }
        }
        for (std::uint32_t seat = 0; seat < m_selected.size(); ++seat) {
            setSelected(seat, wanted[seat] != 0, changed);
        }
    } else {
        for (std::uint32_t seat : seats) {
            setSelected(seat, true, changed);
        }
    }
    if (!changed.empty()) {
        Q_EMIT selectionChanged(changed);
    }
}

void SeatMapModel::clearSelection() {
    select({}, true);
}

void SeatMapModel::setCursor(std::uint32_t seat) {
    if (seat >= m_states.size() || seat == m_cursor) {
        return;
    }
    const std::uint32_t from = m_cursor;
    m_cursor = seat;
    m_verticalGoal.reset();
    Q_EMIT cursorMoved(from, seat);
}

void SeatMapModel::moveCursor(Direction direction) {
    if (m_states.empty()) {
        return;
    }
    const layout::IndexedSeat& here = m_index->seat(m_cursor);
    const std::uint32_t lineIndex = m_index->runs()[here.run].line;
    const layout::SeatLine& line = m_index->lines()[lineIndex];
    switch (direction) {
    case Direction::Left:
        if (m_cursor > line.firstSeat) {
            setCursor(m_cursor - 1);
        }
        return;
    case Direction::Right:
        if (m_cursor + 1 < line.firstSeat + line.seatCount) {
            setCursor(m_cursor + 1);
        }
        return;
    case Direction::Forward:
    case Direction::Back: {
        const std::uint32_t target = direction == Direction::Back ? line.behind : m_lineInFront[lineIndex];
        if (target == kNoIndex) {
            return;
        }
        // The seat of that row nearest to where the vertical move began, so Down then Up comes back.
        const layout::Point goal = m_verticalGoal.value_or(here.position);
        const layout::SeatLine& next = m_index->lines()[target];
        std::uint32_t best = next.firstSeat;
        double bestDistance = std::numeric_limits<double>::max();
        for (std::uint32_t s = next.firstSeat; s < next.firstSeat + next.seatCount; ++s) {
            const double d = layout::distance(m_index->seat(s).position, goal);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        setCursor(best);
        m_verticalGoal = goal;
        return;
    }
    }
}

const layout::Seat& SeatMapModel::seatAt(std::uint32_t seat) const {
    const SeatLocation& at = m_index->seat(seat).location;
    if (at.kind == SeatLocation::Kind::Table) {
        return m_layout.tables[at.container].seats[at.seat];
    }
    return m_layout.sections[at.container].rows[at.row].seats[at.seat];
}

QString SeatMapModel::sectionName(std::uint32_t seat) const {
    const SeatLocation& at = m_index->seat(seat).location;
    if (at.kind == SeatLocation::Kind::Table) {
        return tr("Tables");
    }
    return QString::fromStdString(m_layout.sections[at.container].name);
}

QString SeatMapModel::rowLabel(std::uint32_t seat) const {
    return QString::fromStdString(layout::rowLabelOf(m_layout, m_index->seat(seat).location));
}

QString SeatMapModel::seatNumber(std::uint32_t seat) const {
    return QString::fromStdString(seatAt(seat).number);
}

const std::string& SeatMapModel::seatNumberText(std::uint32_t seat) const {
    return seatAt(seat).number;
}

namespace {

QString categoryName(const layout::VenueLayout& venue, const std::string& id) {
    for (const layout::PriceCategory& category : venue.categories) {
        if (category.id == id) {
            return QString::fromStdString(category.name);
        }
    }
    return QString::fromStdString(id);
}

} // namespace

QString SeatMapModel::describe(std::uint32_t seat) const {
    const layout::Seat& s = seatAt(seat);
    const bool atTable = m_index->seat(seat).location.kind == SeatLocation::Kind::Table;
    QString text =
        atTable ? tr("Table %1 seat %2, %3").arg(rowLabel(seat), seatNumber(seat), stateName(state(seat)))
                : tr("Row %1 seat %2, %3").arg(rowLabel(seat), seatNumber(seat), stateName(state(seat)));
    if (isSelected(seat)) {
        text += tr(", selected");
    }
    text += QStringLiteral(", ") + sectionName(seat);
    const QString price = m_prices.value(QString::fromStdString(s.category));
    if (!price.isEmpty()) {
        text += QStringLiteral(", ") + price;
    }
    return text;
}

QString SeatMapModel::tooltip(std::uint32_t seat) const {
    const layout::Seat& s = seatAt(seat);
    QStringList lines;
    lines << sectionName(seat);
    lines << tr("Row %1, seat %2").arg(rowLabel(seat), seatNumber(seat));
    QString category = categoryName(m_layout, s.category);
    const QString price = m_prices.value(QString::fromStdString(s.category));
    if (!price.isEmpty()) {
        category += QStringLiteral(": ") + price;
    }
    lines << category;
    QString status = stateName(state(seat));
    if (state(seat) == SeatState::HeldByOthers && m_holders.contains(seat)) {
        status = tr("held by %1").arg(m_holders.value(seat));
    }
    lines << status;
    if (s.wheelchair) {
        lines << tr("Wheelchair space");
    } else if (s.isCompanion()) {
        lines << tr("Companion seat");
    }
    if (s.restrictedView) {
        lines << tr("Restricted view");
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace usher::seatmap
