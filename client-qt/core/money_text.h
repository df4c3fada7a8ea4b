#pragma once

#include "common/money/money.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace usher::core {

// "25.00 EUR" in the locale's digits and separators ("25,00 EUR" in German).
QString moneyText(const Money& money, const QLocale& locale = QLocale());

// What a clerk types ("20", "20.5", "20,50" in German) as minor units of `currency`; nullopt for
// anything else, a negative amount or more decimals than the currency has.
std::optional<Money> parseMoney(const QString& text, const Currency& currency,
                                const QLocale& locale = QLocale());

} // namespace usher::core
