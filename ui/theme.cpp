#include "theme.h"

#include <QApplication>
#include <QCoreApplication>

namespace ui {

namespace {

Theme current = Theme::Light;

// The application's palette before any theme was applied: the system's, which Light keeps.
const QPalette& systemPalette() {
    static const QPalette palette = QApplication::palette();
    return palette;
}

// A palette of one window colour, one text colour and what follows from them.
struct Colors {
    QColor window, base, alternateBase, text, button, mid, dark, light, highlight, highlightedText,
        placeholder, disabled, link;
};

QPalette paletteOf(const Colors& c) {
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::BrightText, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::ToolTipBase, c.base);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.light);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.dark);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabled);
    return p;
}

}  // namespace

Theme currentTheme() {
    return current;
}

QPalette themePalette(Theme theme) {
    switch (theme) {
        case Theme::Light:
            break;
        case Theme::Dark:
            // Light grey on near black; text 13:1 on the base.
            return paletteOf({.window = {0x2B, 0x2B, 0x2B},
                              .base = {0x1E, 0x1E, 0x1E},
                              .alternateBase = {0x26, 0x26, 0x26},
                              .text = {0xE8, 0xE8, 0xE8},
                              .button = {0x35, 0x35, 0x35},
                              .mid = {0x80, 0x80, 0x80},
                              .dark = {0x12, 0x12, 0x12},
                              .light = {0x4A, 0x4A, 0x4A},
                              .highlight = {0x2F, 0x6F, 0xA8},
                              .highlightedText = {0xFF, 0xFF, 0xFF},
                              .placeholder = {0xA0, 0xA0, 0xA0},
                              .disabled = {0x80, 0x80, 0x80},
                              .link = {0x56, 0xB4, 0xE9}});
        case Theme::HighContrast:
            // Black on white, grey nowhere but where it must differ (disabled text, 7:1).
            return paletteOf({.window = Qt::white,
                              .base = Qt::white,
                              .alternateBase = {0xEE, 0xEE, 0xEE},
                              .text = Qt::black,
                              .button = Qt::white,
                              .mid = Qt::black,
                              .dark = Qt::black,
                              .light = Qt::white,
                              .highlight = Qt::black,
                              .highlightedText = Qt::white,
                              .placeholder = {0x40, 0x40, 0x40},
                              .disabled = {0x59, 0x59, 0x59},
                              .link = {0x00, 0x00, 0xCC}});
    }
    return systemPalette();
}

void applyTheme(Theme theme) {
    systemPalette();  // kept before the first change
    current = theme;
    QApplication::setPalette(themePalette(theme));
}

QString themeKey(Theme theme) {
    switch (theme) {
        case Theme::Light:
            break;
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::HighContrast:
            return QStringLiteral("high-contrast");
    }
    return QStringLiteral("light");
}

std::optional<Theme> themeFromKey(const QString& key) {
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast})
        if (themeKey(theme) == key) return theme;
    return std::nullopt;
}

QString themeTitle(Theme theme) {
    switch (theme) {
        case Theme::Light:
            break;
        case Theme::Dark:
            return QCoreApplication::translate("Theme", "&Dark");
        case Theme::HighContrast:
            return QCoreApplication::translate("Theme", "&High contrast");
    }
    return QCoreApplication::translate("Theme", "&Light");
}

}  // namespace ui
