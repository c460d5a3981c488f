#include "jsonwriter.h"

#include <charconv>
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
    if (level.count++ > 0) text_ += level.multiline ? std::string_view(",") : kLineSeparator;
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

void JsonWriter::appendNumber(std::string& out, double number) {
    if (std::isfinite(number))
        core::appendNumber(out, number, core::DigitsRange::max);
    else
        out += "null";
}

JsonWriter& JsonWriter::value(double number) {
    beforeValue();
    appendNumber(text_, number);
    return *this;
}

JsonWriter& JsonWriter::value(long long number) {
    beforeValue();
    char buffer[24];  // room for the longest, "-9223372036854775808"
    text_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, number).ptr);
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

void JsonWriter::appendArrayNumbers(std::string& out, const std::vector<double>& values,
                                    bool first) {
    for (const double v : values) {
        if (!first) out += kLineSeparator;
        first = false;
        appendNumber(out, v);
    }
}

}  // namespace session
