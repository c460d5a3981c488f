#pragma once

#include <QString>

namespace ui {

// The lesson of built-in preset `name`: what to look at and what to try, with the rates that
// show each regime; empty for any other name.
QString presetLesson(const QString& name);

}  // namespace ui
