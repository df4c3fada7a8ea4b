#include "common/protocol/codec.h"

#include <algorithm>
#include <unordered_set>

namespace usher::protocol {

std::size_t countCharacters(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(
        utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

void decode(json::Decoder& d, const boost::json::value& v, OptionalLine line) {
    std::string text;
    const std::size_t before = d.errorCount();
    decode(d, v, Line{text, line.minLength, line.maxLength});
    if (d.errorCount() == before) {
        line.out = std::move(text);
    }
}

const boost::json::array* arrayOf(json::Decoder& d, const boost::json::value& v, std::size_t minItems,
                                  std::size_t maxItems) {
    const auto* array = v.if_array();
    if (array == nullptr) {
        d.fail("expected an array");
        return nullptr;
    }
    if (array->size() < minItems) {
        d.fail(minItems == 1 ? "must not be empty"
                             : "must have at least " + std::to_string(minItems) + " items");
        return nullptr;
    }
    if (array->size() > maxItems) {
        d.fail("must have at most " + std::to_string(maxItems) + " items");
        return nullptr;
    }
    return array;
}

void decode(json::Decoder& d, const boost::json::value& v, IdList list) {
    const auto* array = arrayOf(d, v, list.minItems, list.maxItems);
    if (array == nullptr) {
        return;
    }
    list.out.clear();
    list.out.reserve(array->size());
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto scope = d.at(i);
        std::string item;
        const std::size_t before = d.errorCount();
        decode(d, (*array)[i], id(item));
        if (d.errorCount() != before) {
            continue;
        }
        // The views point into the document, which outlives this loop.
        if (!seen.insert(std::string_view((*array)[i].get_string())).second) {
            d.fail("duplicate " + std::string(list.what) + " \"" + item + "\"");
            continue;
        }
        list.out.push_back(std::move(item));
    }
}

void decode(json::Decoder& d, const boost::json::value& v, RawObject raw) {
    if (!v.is_object()) {
        d.fail("expected an object");
        return;
    }
    raw.out = v;
}

boost::json::array toJsonArray(const std::vector<std::string>& items) {
    return boost::json::array(items.begin(), items.end());
}

} // namespace usher::protocol
