#pragma once

#include <QPalette>
#include <QString>
#include <optional>

namespace ui {

// How the whole application looks: light (the system's palette, as it always looked), dark, or
// high contrast (black on white, lines twice as thick, and everything told apart by colour also
// told apart by line style, so that it reads in grey and for colour-blind viewers).
enum class Theme { Light, Dark, HighContrast };

// The theme in force: Light until applyTheme.
Theme currentTheme();
// Makes `theme` the application's: its palette, which every view draws from (each widget gets a
// PaletteChange and redraws), and the colours and line widths of Palette.
void applyTheme(Theme theme);
// The palette of `theme`; Light's is the system's as the application started.
QPalette themePalette(Theme theme);
// The name a theme is kept and given by on the command line ("light", "dark", "high-contrast"),
// and the theme of a name, if any.
QString themeKey(Theme theme);
std::optional<Theme> themeFromKey(const QString& key);
// Its name in the View menu.
QString themeTitle(Theme theme);

}  // namespace ui
