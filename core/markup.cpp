#include "markup.h"

#include <cmath>

namespace core {

namespace {

struct Symbol {
    std::string_view name;
    std::string_view plain;
    std::string_view html;
};

constexpr Symbol kSymbols[] = {
    {"beta", "beta", "&beta;"}, {"d", "d", "&part;"},        {"delta", "delta", "&delta;"},
    {"eta", "lr", "&eta;"},     {"half", "1/2", "&frac12;"},
};

class Renderer {
public:
    Renderer(std::string_view text, bool html) : text_(text), html_(html) {}

    // Renders from the current position up to `stop` (or the end), consuming `stop`.
    std::string render(char stop) {
        std::string out;
        while (position_ < text_.size() && text_[position_] != stop) {
            const char c = text_[position_];
            const char next = position_ + 1 < text_.size() ? text_[position_ + 1] : '\0';
            if (c == '_' && (next == '{' || next == '[')) {
                position_ += 2;
                const std::string inner = render(next == '{' ? '}' : ']');
                out += html_ ? "<sub>" + inner + "</sub>" : (next == '{' ? "_" : "") + inner;
            } else if (c == '^' && next == '{') {
                position_ += 2;
                out += superscript(render('}'));
            } else if (const std::size_t open = factorOpen(); open != text_.npos) {
                const std::string_view factor = text_.substr(position_ + 1, open - position_ - 1);
                position_ = open + 1;
                const std::string inner = render('}');
                out += html_ ? "<span class=\"f" + std::string(factor) + "\">" + inner + "</span>"
                             : inner;
            } else if (c == '@' && next == '{' && text_.find('}', position_) != text_.npos) {
                const std::size_t close = text_.find('}', position_);
                const std::string_view name = text_.substr(position_ + 2, close - position_ - 2);
                position_ = close + 1;
                out += symbol(name);
            } else {
                out += character(c);
                ++position_;
            }
        }
        ++position_;
        return out;
    }

private:
    // At "#k{": the position of its '{'; npos anywhere else.
    std::size_t factorOpen() const {
        if (text_[position_] != '#') return text_.npos;
        std::size_t i = position_ + 1;
        while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9')
            ++i;
        return i > position_ + 1 && i < text_.size() && text_[i] == '{' ? i : text_.npos;
    }

    std::string superscript(const std::string& inner) const {
        if (html_) return "<sup>" + inner + "</sup>";
        if (inner == "+") return inner;
        if (inner.size() == 1 || inner.front() == '(') return "^" + inner;
        return "^(" + inner + ")";
    }

    std::string symbol(std::string_view name) const {
        for (const Symbol& symbol : kSymbols)
            if (symbol.name == name) return std::string(html_ ? symbol.html : symbol.plain);
        return std::string(name);
    }

    std::string character(char c) const {
        if (!html_) return std::string(1, c);
        switch (c) {
            case '*':
                return "&times;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '&':
                return "&amp;";
            default:
                return std::string(1, c);
        }
    }

    std::string_view text_;
    bool html_;
    std::size_t position_ = 0;
};

}  // namespace

std::string plainFromMarkup(std::string_view markup) {
    return Renderer(markup, false).render('\0');
}

std::string htmlFromMarkup(std::string_view markup) {
    return Renderer(markup, true).render('\0');
}

std::string markFactor(int factor, std::string_view text) {
    return "#" + std::to_string(factor) + "{" + std::string(text) + "}";
}

}  // namespace core
