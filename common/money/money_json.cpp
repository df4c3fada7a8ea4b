#include "common/money/money_json.h"

#include <boost/json/object.hpp>

namespace usher {

boost::json::value toJson(const Money& money) {
    return boost::json::object{{"amount", money.amount}, {"currency", money.currency.code()}};
}

void decode(json::Decoder& d, const boost::json::value& v, Money& out) {
    json::ObjectReader fields(d, v);
    fields.required("amount", out.amount);
    std::string code;
    const std::size_t errorsBefore = d.errorCount();
    fields.required("currency", code);
    if (d.errorCount() != errorsBefore) {
        return;
    }
    if (auto currency = Currency::fromCode(code)) {
        out.currency = *currency;
    } else {
        auto scope = d.at("currency");
        d.fail("unknown ISO 4217 currency \"" + code + "\"");
    }
}

} // namespace usher
