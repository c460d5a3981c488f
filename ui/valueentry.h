#pragma once

#include <QString>
#include <optional>

namespace ui {

// What a number typed into one of the window's editors may be: a finite number no larger in size
// than this. A sigmoid saturates long before; the bound keeps typos (1e300) from reaching the
// engine as an "experiment".
inline constexpr double maxEditedMagnitude = 1e6;

// The number in `text` as typed into an editor (surrounding spaces ignored; "0.9", "-1e-3", and
// in a locale with a decimal comma "0,9"), or nothing with `error` set to one sentence that says
// what is wrong: not a number, not finite, or out of the allowed range.
std::optional<double> parseEditedValue(const QString& text, QString* error);

// Why `value` may not be set by an editor (as parseEditedValue says it), or empty.
QString editedValueProblem(double value);

}  // namespace ui
