#include "client-qt/core/money_text.h"

#include <cmath>

namespace usher::core {

namespace {

std::int64_t scaleOf(const Currency& currency) {
    std::int64_t scale = 1;
    for (int i = 0; i < currency.minorDigits(); ++i) {
        scale *= 10;
    }
    return scale;
}

} // namespace

QString moneyText(const Money& money, const QLocale& locale) {
    const std::int64_t scale = scaleOf(money.currency);
    const std::int64_t whole = money.amount / scale;
    const std::int64_t minor = std::abs(money.amount % scale);
    QString text = locale.toString(static_cast<qlonglong>(std::abs(whole)));
    if (money.amount < 0) {
        text.prepend(locale.negativeSign());
    }
    if (money.currency.minorDigits() > 0) {
        text += locale.decimalPoint() +
                QStringLiteral("%1").arg(minor, money.currency.minorDigits(), 10, QLatin1Char('0'));
    }
    return text + QLatin1Char(' ') + QString::fromLatin1(money.currency.code().data(), 3);
}

std::optional<Money> parseMoney(const QString& text, const Currency& currency, const QLocale& locale) {
    QString trimmed = text.trimmed();
    const QString code = QString::fromLatin1(currency.code().data(), 3);
    if (trimmed.endsWith(code, Qt::CaseInsensitive)) {
        trimmed.chop(3);
        trimmed = trimmed.trimmed();
    }
    // Both the locale's decimal point and '.' are accepted: a German clerk may type either.
    const QString point = locale.decimalPoint();
    QString normalized = trimmed;
    normalized.remove(locale.groupSeparator());
    normalized.replace(point, QStringLiteral("."));
    const qsizetype dot = normalized.indexOf(QLatin1Char('.'));
    const QString wholePart = dot < 0 ? normalized : normalized.left(dot);
    const QString minorPart = dot < 0 ? QString() : normalized.mid(dot + 1);
    if (wholePart.isEmpty() && minorPart.isEmpty()) {
        return std::nullopt;
    }
    const auto digitsOnly = [](const QString& part) {
        return std::all_of(part.begin(), part.end(),
                           [](QChar c) { return c.isDigit() && c.unicode() < 128; });
    };
    if (!digitsOnly(wholePart) || !digitsOnly(minorPart) || minorPart.size() > currency.minorDigits() ||
        wholePart.size() > 12) {
        return std::nullopt;
    }
    const std::int64_t scale = scaleOf(currency);
    std::int64_t amount = wholePart.isEmpty() ? 0 : wholePart.toLongLong() * scale;
    if (!minorPart.isEmpty()) {
        amount += minorPart.leftJustified(currency.minorDigits(), QLatin1Char('0')).toLongLong();
    }
    return Money{amount, currency};
}

} // namespace usher::core
