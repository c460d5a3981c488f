#include "handout.h"

#include "markup.h"

namespace core {

namespace {

constexpr const char* kHeadings[] = {"Forward pass", "Backward pass", "Update"};
constexpr const char* kTextHeadings[] = {"Forward pass", "Backward pass",
                                         "Update (lr = learning rate)"};

// `text` with the characters that are markup in HTML (and XML) escaped.
std::string escapedHtml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else
            out += c;
    }
    return out;
}

// htmlFromMarkup's named entities as the characters they name, so that the page is also
// well-formed XML (which knows only &lt;, &gt;, &amp;, &quot; and &apos;).
std::string withoutNamedEntities(std::string html) {
    static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
        {"&part;", "\u2202"}, {"&delta;", "\u03b4"},  {"&eta;", "\u03b7"},
        {"&beta;", "\u03b2"}, {"&frac12;", "\u00bd"}, {"&times;", "\u00d7"}};
    for (const auto& [entity, character] : kEntities)
        for (std::size_t at = html.find(entity); at != std::string::npos;
             at = html.find(entity, at + character.size()))
            html.replace(at, entity.size(), character);
    return html;
}

// Plain text as LaTeX text: its special characters escaped.
std::string escapedLatex(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '#':
            case '%':
            case '&':
            case '$':
            case '_':
            case '{':
            case '}':
                out += '\\';
                out += c;
                break;
            case '\\':
                out += "\\textbackslash{}";
                break;
            case '~':
                out += "\\textasciitilde{}";
                break;
            case '^':
                out += "\\textasciicircum{}";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string begin(HandoutFormat format, const std::string& title, const std::string& lead) {
    switch (format) {
        case HandoutFormat::Text:
            return title + "\n" + lead + "\n";
        case HandoutFormat::Markdown:
            return "# " + title + "\n\n" + lead + "\n";
        case HandoutFormat::Latex:
            return "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
                   "\\section*{" +
                   escapedLatex(title) + "}\n" + escapedLatex(lead) + "\n";
        case HandoutFormat::Html:
            break;
    }
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" +
           escapedHtml(title) +
           "</title>\n<style>\nbody { font-family: sans-serif; max-width: 60em; margin: 2em auto; "
           "line-height: 1.5; }\n.equation { font-family: serif; font-size: 1.1em; }\n"
           ".meaning { color: #444; margin-top: 0; }\n</style>\n</head>\n<body>\n<h1>" +
           escapedHtml(title) + "</h1>\n<p>" + escapedHtml(lead) + "</p>\n";
}

std::string heading(HandoutFormat format, Phase phase, bool first) {
    const std::string name = kHeadings[static_cast<int>(phase)];
    switch (format) {
        case HandoutFormat::Text:
            return std::string("\n") + kTextHeadings[static_cast<int>(phase)] + "\n";
        case HandoutFormat::Markdown:
            return "\n## " + name + "\n\n";
        case HandoutFormat::Latex:
            return std::string(first ? "" : "\\end{enumerate}\n") + "\\subsection*{" + name +
                   "}\n\\begin{enumerate}\n";
        case HandoutFormat::Html:
            break;
    }
    return std::string(first ? "" : "</ol>\n") + "<h2>" + name + "</h2>\n<ol>\n";
}

std::string item(HandoutFormat format, const Term& term) {
    switch (format) {
        case HandoutFormat::Text:
            return "  " + plainText(term) + "\n      " + term.meaning + "\n";
        case HandoutFormat::Markdown:
            return "1. `" + plainText(term) + "`  \n   " + term.meaning + "\n";
        case HandoutFormat::Latex: {
            // One line each: the symbol and its formula, the numbers, the value.
            std::string text = "\\item $\\begin{aligned}[t] " + latexFromMarkup(term.symbol) +
                               " &= " + latexFromMarkup(term.formula);
            if (!term.numbers.empty()) text += " \\\\ &= " + latexFromMarkup(term.numbers);
            return text + " \\\\ &= " + latexFromMarkup(term.valueText) + "\\end{aligned}$\\\\\n" +
                   escapedLatex(term.meaning) + "\n";
        }
        case HandoutFormat::Html:
            break;
    }
    std::string equation = htmlFromMarkup(term.symbol) + " = " + htmlFromMarkup(term.formula);
    if (!term.numbers.empty()) equation += " = " + htmlFromMarkup(term.numbers);
    return "<li><p class=\"equation\">" + withoutNamedEntities(equation) + " = <b>" +
           escapedHtml(term.valueText) + "</b></p>\n<p class=\"meaning\">" +
           escapedHtml(term.meaning) + "</p></li>\n";
}

std::string end(HandoutFormat format, bool anyTerm) {
    switch (format) {
        case HandoutFormat::Text:
        case HandoutFormat::Markdown:
            return "";
        case HandoutFormat::Latex:
            return std::string(anyTerm ? "\\end{enumerate}\n" : "") + "\\end{document}\n";
        case HandoutFormat::Html:
            break;
    }
    return std::string(anyTerm ? "</ol>\n" : "") + "</body>\n</html>\n";
}

}  // namespace

std::string describeConfig(const NetworkConfig& config) {
    std::string layers, activations;
    for (std::size_t l = 0; l < config.layers.size(); ++l)
        layers += (l ? "-" : "") + std::to_string(config.layers[l]);
    for (std::size_t l = 0; l < config.activations.size(); ++l)
        activations += (l ? ", " : "") + std::string(activationName(config.activations[l]));
    std::string text = "layers " + layers + " (" + activations + "), " +
                       std::string(biasModeName(config.biasMode)) + " biases (" +
                       (config.trainBiases ? "trained" : "frozen") + "), learning rate " +
                       formatNumber(config.learningRate, DigitsRange::workedExample);
    if (config.momentum != 0.0)
        text += ", momentum " + formatNumber(config.momentum, DigitsRange::workedExample);
    return text;
}

std::string stepLead(const StepSnapshot& step) {
    if (step.updated() || step.divergence())
        return "Step " + std::to_string(step.iteration() + 1) + ", worked out term by term.";
    return "The state after step " + std::to_string(step.iteration()) +
           ": forward and backward pass, no update.";
}

std::optional<HandoutFormat> handoutFormatFromName(std::string_view name) {
    if (name == "markdown") return HandoutFormat::Markdown;
    if (name == "latex") return HandoutFormat::Latex;
    if (name == "html") return HandoutFormat::Html;
    return std::nullopt;
}

void writeHandout(const Explanation& terms, HandoutFormat format, const std::string& title,
                  const std::string& lead, const std::function<void(const std::string&)>& write) {
    write(begin(format, title, lead));
    int phase = -1;
    for (int i = 0; i < terms.size(); ++i) {
        const Term term = terms.term(i);
        std::string text;
        if (static_cast<int>(term.phase) != phase) {
            text = heading(format, term.phase, phase < 0);
            phase = static_cast<int>(term.phase);
        }
        write(text + item(format, term));
    }
    write(end(format, phase >= 0));
}

}  // namespace core
