#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace session {

// Writes JSON text in the order the caller gives keys (QJsonDocument sorts them), with numbers
// at 17 significant digits so that every double reads back bit for bit. Objects put one key on
// each line; arrays are written on one line unless opened with `multiline`.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray(bool multiline = false);
    JsonWriter& endArray();
    // The next key of the current object.
    JsonWriter& key(std::string_view name);
    JsonWriter& value(double number);  // non-finite numbers, which JSON lacks, become null
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& null();
    // key(name).value(v) in one call.
    template <class T>
    JsonWriter& field(std::string_view name, const T& v) {
        return key(name).value(v);
    }
    // An array of numbers on one line.
    JsonWriter& numbers(const std::vector<double>& values);

    // `values` appended to `out` as elements of a one-line array, written and separated as the
    // writer writes them, for an array streamed piece by piece; `first` when none came before.
    static void appendArrayNumbers(std::string& out, const std::vector<double>& values, bool first);

    // The text written so far.
    const std::string& text() const { return text_; }
    // The text written since the last take, handed over; the writer goes on where it was, so a
    // large document can be written out piece by piece.
    std::string takeText() { return std::exchange(text_, {}); }

private:
    struct Level {
        bool multiline;
        int count = 0;
    };
    void beforeValue();
    void newline();
    void appendString(std::string_view text);
    static void appendNumber(std::string& out, double number);

    static constexpr std::string_view kLineSeparator = ", ";  // between the values of a line

    std::string text_;
    std::vector<Level> levels_;
    bool afterKey_ = false;
};

}  // namespace session
