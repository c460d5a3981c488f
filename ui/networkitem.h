#pragma once

namespace ui {

// A part of the network drawing: a node, a weight, a bias or E_total.
struct NetworkItem {
    enum class Kind { None, Node, Weight, Bias, Loss };
    Kind kind = Kind::None;
    int layer = 0;  // a node's layer
    int index = 0;  // a node's index in its layer, or a weight's or bias's index
    bool operator==(const NetworkItem&) const = default;
};

}  // namespace ui
