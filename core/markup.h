#pragma once

#include <string>
#include <string_view>

#include "numbertext.h"  // formatNumber, for the many that write markup and numbers

namespace core {

// Formulas of the explanation are written in a small markup, so that the terminal and the
// formula panel typeset one source:
//   _{x}  subscript, plain "_x"          _[x]  subscript, plain "x" (w_[5] -> w5)
//   ^{x}  superscript, plain "^x", "^(xy)", and "+" for ^{+}
//   @{d} partial sign   @{delta} delta   @{eta} learning rate   @{beta} momentum
//   @{half} one half
//   *     multiplication sign
//   #k{x} x is factor k of its term (k: decimal digits), for colour: plain "x",
//         HTML <span class="fk">x</span>; a symbol and its number share their k
// Braces nest: e^{-net_{h1}}, #0{out_{h1}^{(2)}}. A '#' not followed by digits and '{' is text.

// ASCII text: "dE_total/dw5 = 0.74 * 0.19".
std::string plainFromMarkup(std::string_view markup);

// Qt rich text (HTML): "&part;E<sub>total</sub>/&part;w<sub>5</sub>", with escaping.
std::string htmlFromMarkup(std::string_view markup);

// LaTeX math (amsmath), to be put between $..$: "\\partial E_{\\mathrm{total}}/\\partial w_{5}";
// names of several letters upright, "*" as \\cdot, factors unmarked.
std::string latexFromMarkup(std::string_view markup);

// `text` marked as factor `factor` of its term: "#<factor>{<text>}".
std::string markFactor(int factor, std::string_view text);

}  // namespace core
