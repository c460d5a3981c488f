#pragma once

#include <optional>
#include <vector>

#include "core/explanation.h"
#include "core/stepreveal.h"
#include "painting.h"

namespace ui {

// A place on the network drawing where a number of the step is shown.
struct DiagramPlace {
    enum class Kind {
        NodeValue,       // a line under node (layer, node): `line`
        Weight,          // weight `index` on its label, before the update
        WeightGradient,  // its dE/dw on its label
        NewWeight,       // its value after the update, on its label
        Bias,            // bias `index` on its label, before the update
        BiasGradient,    // its dE/db
        NewBias,         // its value after the update
        Share,           // the path share on weight `index`'s edge
        Target,          // the target beside output `node`
        OutputError,     // the error beside output `node`
        Loss,            // E_total in the heading
    };
    Kind kind = Kind::Loss;
    int layer = -1;
    int node = -1;
    int index = -1;
    NodeLine line = NodeLine::Out;

    bool operator==(const DiagramPlace&) const = default;
};

// An arrow on an edge: the forward flow into a node, or a path share flowing back.
struct EdgeArrow {
    enum class Direction { Forward, Backward };  // towards the outputs, or back to the inputs
    int weight = -1;                             // the weight's edge, or -1 for a bias edge:
    core::Highlight::Node fed{-1, -1};           // the node whose edge from its bias node it is
    Direction direction = Direction::Forward;

    bool operator==(const EdgeArrow&) const = default;
};

// What the network view marks for a position, worked out without pixels: the parts the
// current term involves, the place of each of its factors (coloured as in the equation), the
// place of the value it computes (emphasised), and the arrows on the edges: forward along the
// current forward term's edges, back along every edge whose path share is computed.
struct DiagramMarks {
    // Nodes, weights, bias edges, biases and E_total the term involves: its highlight expanded
    // (core::expand), each part once in ascending order.
    core::Highlight lit;
    // Factor k's place, or none for one not on the network (the learning rate, another
    // sample's value).
    std::vector<std::optional<DiagramPlace>> factors;
    std::optional<DiagramPlace> computed;  // where the term's value is shown
    std::vector<EdgeArrow> arrows;

    // The marks of `reveal` showing sample `sample`; with `showTerm` false (a whole iteration or
    // a phase's summary) no term is marked, only the arrows of the path shares computed.
    static DiagramMarks of(const core::StepReveal& reveal, int sample, bool showTerm);
    // Where `ref` is shown on a network showing sample `sample`, if it is.
    static std::optional<DiagramPlace> placeOf(const core::Topology& topology,
                                               const core::QuantityRef& ref, int sample);
};

}  // namespace ui
