#include "termwriting.h"

namespace core {

std::string fillFormula(std::string_view text, std::initializer_list<Fill> values, Factors* factors,
                        bool numbers) {
    std::string filled;
    bool replaced = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto value = std::find_if(values.begin(), values.end(), [&](const Fill& v) {
            return text.substr(i).starts_with(v.placeholder);
        });
        if (value == values.end()) {
            filled += text[i++];
            continue;
        }
        const std::size_t end = i + value->placeholder.size();
        // Alone as an argument: after "(", " " or the start (not "- "), before ")", ",", " " or the
        // end.
        const bool openBefore =
            i == 0 || text[i - 1] == '(' || (text[i - 1] == ' ' && (i < 2 || text[i - 2] != '-'));
        const bool closeAfter =
            end == text.size() || text[end] == ')' || text[end] == ',' || text[end] == ' ';
        const bool wrap = numbers && value->text.starts_with('-') && !(openBefore && closeAfter);
        const std::string marked =
            factors ? factors->mark(value->factor, value->text) : value->text;
        filled += wrap ? "(" + marked + ")" : marked;
        replaced = true;
        i = end;
    }
    // A formula that is only a placeholder ("$net" of a linear node) computes nothing.
    if (numbers && (!replaced || (values.size() == 1 && text == values.begin()->placeholder)))
        return {};
    return filled;
}

}  // namespace core
