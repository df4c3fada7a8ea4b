#include "common/protocol/time_json.h"

#include <chrono>
#include <cstdint>

namespace usher::protocol {

namespace {

void appendPadded(std::string& out, std::int64_t value, std::size_t width) {
    const std::string digits = std::to_string(value);
    if (digits.size() < width) {
        out.append(width - digits.size(), '0');
    }
    out += digits;
}

// A cursor over the text; every read fails softly so the parser is one chain of checks.
class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    bool digits(std::size_t count, int& out) {
        if (m_text.size() - m_pos < count) {
            return false;
        }
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = m_text[m_pos + i];
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        m_pos += count;
        out = value;
        return true;
    }

    bool literal(char expected) {
        if (m_pos < m_text.size() && m_text[m_pos] == expected) {
            ++m_pos;
            return true;
        }
        return false;
    }

    bool isDigit() const { return m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9'; }
    char next() { return m_text[m_pos++]; }
    bool atEnd() const { return m_pos == m_text.size(); }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

std::string formatTimestamp(Timestamp t) {
    using namespace std::chrono;
    const auto dayPoint = floor<days>(t);
    const year_month_day date{dayPoint};
    const hh_mm_ss<microseconds> time{t - dayPoint};

    std::string out;
    out.reserve(27);
    appendPadded(out, static_cast<int>(date.year()), 4);
    out += '-';
    appendPadded(out, static_cast<unsigned>(date.month()), 2);
    out += '-';
    appendPadded(out, static_cast<unsigned>(date.day()), 2);
    out += 'T';
    appendPadded(out, time.hours().count(), 2);
    out += ':';
    appendPadded(out, time.minutes().count(), 2);
    out += ':';
    appendPadded(out, time.seconds().count(), 2);
    const std::int64_t micros = time.subseconds().count();
    if (micros % 1000 != 0) {
        out += '.';
        appendPadded(out, micros, 6);
    } else if (micros != 0) {
        out += '.';
        appendPadded(out, micros / 1000, 3);
    }
    out += 'Z';
    return out;
}

std::optional<Timestamp> parseTimestamp(std::string_view text) {
    using namespace std::chrono;
    Scanner s(text);
    int yearValue = 0;
    int monthValue = 0;
    int dayValue = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    // RFC 3339 allows lower-case "t" and "z"; a space instead of "T" is only in its prose, not its grammar.
    if (!(s.digits(4, yearValue) && s.literal('-') && s.digits(2, monthValue) && s.literal('-') &&
          s.digits(2, dayValue) && (s.literal('T') || s.literal('t')) && s.digits(2, hour) &&
          s.literal(':') && s.digits(2, minute) && s.literal(':') && s.digits(2, second))) {
        return std::nullopt;
    }
    std::int64_t micros = 0;
    if (s.literal('.')) {
        if (!s.isDigit()) {
            return std::nullopt;
        }
        std::int64_t scale = 100000;
        while (s.isDigit()) {
            micros += (s.next() - '0') * scale;
            scale /= 10;
        }
    }
    int offsetMinutes = 0;
    if (s.literal('Z') || s.literal('z')) {
        offsetMinutes = 0;
    } else {
        const bool negative = s.literal('-');
        if (!negative && !s.literal('+')) {
            return std::nullopt;
        }
        int offsetHour = 0;
        int offsetMinute = 0;
        if (!(s.digits(2, offsetHour) && s.literal(':') && s.digits(2, offsetMinute)) || offsetHour > 23 ||
            offsetMinute > 59) {
            return std::nullopt;
        }
        offsetMinutes = (negative ? -1 : 1) * (offsetHour * 60 + offsetMinute);
    }
    if (!s.atEnd() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    const year_month_day date{year{yearValue}, month{static_cast<unsigned>(monthValue)},
                              day{static_cast<unsigned>(dayValue)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    // Local time minus its offset is UTC.
    const Timestamp utc = sys_days{date} + hours{hour} + minutes{minute - offsetMinutes} + seconds{second} +
                          microseconds{micros};
    // The offset can move 0000-01-01 or 9999-12-31 out of the four-digit years RFC 3339 can write.
    const int utcYear = static_cast<int>(year_month_day{floor<days>(utc)}.year());
    if (utcYear < 0 || utcYear > 9999) {
        return std::nullopt;
    }
    return utc;
}

void decode(json::Decoder& d, const boost::json::value& v, Rfc3339 target) {
    const auto* s = v.if_string();
    if (s == nullptr) {
        d.fail("expected an RFC 3339 date-time string");
        return;
    }
    // Longer than any sensible fraction: refuse before scanning.
    const auto parsed = s->size() <= 64 ? parseTimestamp(*s) : std::nullopt;
    if (!parsed) {
        d.fail("expected an RFC 3339 date-time such as \"2025-03-01T19:30:00Z\"");
        return;
    }
    target.out = *parsed;
}

} // namespace usher::protocol
