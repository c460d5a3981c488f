#include "jsonwriter.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/markup.h"

namespace session {

void JsonWriter::newline() {
    text_ += '\n';
    text_.append(2 * levels_.size(), ' ');
}

void JsonWriter::beforeValue() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (levels_.empty()) return;
    Level& level = levels_.back();
    if (level.count++ > 0) text_ += level.multiline ? "," : ", ";
    if (level.multiline) newline();
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    text_ += '{';
    levels_.push_back({true});
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    const bool empty = levels_.back().count == 0;
    levels_.pop_back();
    if (!empty) newline();
    text_ += '}';
    return *this;
}

JsonWriter& JsonWriter::beginArray(bool multiline) {
    beforeValue();
    text_ += '[';
    levels_.push_back({multiline});
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    const Level level = levels_.back();
    levels_.pop_back();
    if (level.multiline && level.count > 0) newline();
    text_ += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    beforeValue();
    appendString(name);
    text_ += ": ";
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) return null();
    beforeValue();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*g", core::DigitsRange::max, number);
    text_ += buffer;
    return *this;
}

JsonWriter& JsonWriter::value(long long number) {
    beforeValue();
    text_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    beforeValue();
    text_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    beforeValue();
    appendString(text);
    return *this;
}

void JsonWriter::appendString(std::string_view text) {
    text_ += '"';
    for (const char c : text) {
        switch (c) {
            case '"':
                text_ += "\\\"";
                break;
            case '\\':
                text_ += "\\\\";
                break;
            case '\n':
                text_ += "\\n";
                break;
            case '\t':
                text_ += "\\t";
                break;
            case '\r':
                text_ += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    text_ += escaped;
                } else {
                    text_ += c;
                }
        }
    }
    text_ += '"';
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    text_ += "null";
    return *this;
}

JsonWriter& JsonWriter::numbers(const std::vector<double>& values) {
    beginArray();
    for (const double v : values)
        value(v);
    return endArray();
}

}  // namespace session
