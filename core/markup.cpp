#include "markup.h"

#include <cctype>
#include <cmath>

namespace core {

namespace {

struct Symbol {
    std::string_view name;
    std::string_view plain;
    std::string_view html;
    std::string_view latex;
};

constexpr Symbol kSymbols[] = {
    {"beta", "beta", "&beta;", "\\beta "},        {"d", "d", "&part;", "\\partial "},
    {"delta", "delta", "&delta;", "\\delta "},    {"eta", "lr", "&eta;", "\\eta "},
    {"half", "1/2", "&frac12;", "\\tfrac{1}{2}"},
};

// Words a formula writes as words (ReLU's slope: "1 if net > 0, else 0"): text in LaTeX.
constexpr std::string_view kWords[] = {"if", "else"};

enum class Target { Plain, Html, Latex };

class Renderer {
public:
    Renderer(std::string_view text, Target target)
        : text_(text), html_(target == Target::Html), latex_(target == Target::Latex) {}

    // Renders from the current position up to `stop` (or the end), consuming `stop`.
    std::string render(char stop) {
        std::string out;
        while (position_ < text_.size() && text_[position_] != stop) {
            const char c = text_[position_];
            const char next = position_ + 1 < text_.size() ? text_[position_ + 1] : '\0';
            if (c == '_' && (next == '{' || next == '[')) {
                position_ += 2;
                const std::string inner = render(next == '{' ? '}' : ']');
                if (latex_)
                    out += "_{" + inner + "}";
                else
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
            } else if (latex_ && std::isalpha(static_cast<unsigned char>(c))) {
                out += latexWord();
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

    // At a letter: the run of letters from it, upright when it is a name ("net", "total"), as
    // text when it is a word, a lone letter as a variable.
    std::string latexWord() {
        std::size_t end = position_;
        while (end < text_.size() && std::isalpha(static_cast<unsigned char>(text_[end])))
            ++end;
        const std::string_view word = text_.substr(position_, end - position_);
        position_ = end;
        if (word.size() == 1) return std::string(word);
        for (std::string_view known : kWords)
            if (word == known) return "\\text{ " + std::string(word) + " }";
        return "\\mathrm{" + std::string(word) + "}";
    }

    std::string superscript(const std::string& inner) const {
        if (latex_) return "^{" + inner + "}";
        if (html_) return "<sup>" + inner + "</sup>";
        if (inner == "+") return inner;
        if (inner.size() == 1 || inner.front() == '(') return "^" + inner;
        return "^(" + inner + ")";
    }

    std::string symbol(std::string_view name) const {
        for (const Symbol& symbol : kSymbols)
            if (symbol.name == name)
                return std::string(latex_ ? symbol.latex : html_ ? symbol.html : symbol.plain);
        return std::string(name);
    }

    std::string character(char c) const {
        if (latex_) return latexCharacter(c);
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

    static std::string latexCharacter(char c) {
        switch (c) {
            case '*':
                return "\\cdot ";
            case '#':
            case '%':
            case '&':
            case '$':
            case '{':
            case '}':
            case '_':
                return std::string("\\") + c;
            case '\\':
                return "\\backslash ";
            case '~':
                return "\\sim ";
            case '^':
                return "\\hat{}";
            default:
                return std::string(1, c);
        }
    }

    std::string_view text_;
    bool html_;
    bool latex_;
    std::size_t position_ = 0;
};

}  // namespace

std::string plainFromMarkup(std::string_view markup) {
    return Renderer(markup, Target::Plain).render('\0');
}

std::string htmlFromMarkup(std::string_view markup) {
    return Renderer(markup, Target::Html).render('\0');
}

std::string latexFromMarkup(std::string_view markup) {
    return Renderer(markup, Target::Latex).render('\0');
}

std::string markFactor(int factor, std::string_view text) {
    return "#" + std::to_string(factor) + "{" + std::string(text) + "}";
}

}  // namespace core
