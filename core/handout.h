#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "explanation.h"

namespace core {

// The documents a step's worked example is written as: a handout to print or share.
enum class HandoutFormat {
    Text,      // plain text, as the terminal shows it: a heading per phase, a term per line
    Markdown,  // headings and a numbered list, each formula in plain text as code
    Latex,     // a whole article that pdflatex compiles as it is, using only amsmath
    Html,      // one self-contained, well-formed page (XHTML syntax), sub/superscripts, no links
};

// The format named "markdown", "latex" or "html"; nothing for any other name (plain text is
// the CLI's default, not a name).
std::optional<HandoutFormat> handoutFormatFromName(std::string_view name);

// The network and its training in words: "layers 2-2-2 (sigmoid, sigmoid), shared biases
// (frozen), learning rate 0.5", and ", momentum 0.9" when it has momentum.
std::string describeConfig(const NetworkConfig& config);

// What a step's handout is about, one sentence: "Step 1, worked out term by term.", or for a
// state evaluated without an update, "The state after step 3: forward and backward pass, no
// update."
std::string stepLead(const StepSnapshot& step);

// Every term of `terms` in order, under a heading per phase, each with its formula in symbols,
// in numbers and its value, and the sentence on what it means; `title` heads the document and
// `lead` (one sentence, e.g. "Step 1, worked out term by term.") follows it. Handed to `write`
// a term at a time, so that any network's step streams out in little memory.
void writeHandout(const Explanation& terms, HandoutFormat format, const std::string& title,
                  const std::string& lead, const std::function<void(const std::string&)>& write);

}  // namespace core
