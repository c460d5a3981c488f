#pragma once

#include <QColor>

namespace ui {

// The few colours of Backprop Lab, from the Okabe-Ito set: told apart by colour-blind eyes and
// readable on light and dark system themes. Sign is also shown by line style, never by hue alone.
struct Palette {
    static QColor positive() { return {0x00, 0x72, 0xB2}; }   // blue: a positive weight
    static QColor negative() { return {0xD5, 0x5E, 0x00}; }   // vermillion: a negative weight
    static QColor highlight() { return {0xE6, 0x9F, 0x00}; }  // orange: what is being computed
    static QColor lossCurve() { return {0x00, 0x72, 0xB2}; }  // blue: E_total against iteration
    static QColor marker() { return {0xCC, 0x79, 0xA7}; }     // purple: a learning-rate change
    static QColor target() { return {0x00, 0x9E, 0x73}; }     // green: targets and errors
};

}  // namespace ui
