#pragma once

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// The function a non-input layer applies to its net input.
enum class Activation { Sigmoid, Tanh, Relu, Linear };

// Everything Backprop Lab knows of one activation, in one place: the engine, the explanation, the
// session files, the command line and the window all read it from here.
struct ActivationInfo {
    Activation activation;
    std::string_view name;          // in session files, on the command line and in the window
    double (*f)(double net);        // out = f(net)
    double (*slope)(double out);    // dout/dnet = f'(net), written in out where f allows it
    std::string_view outFormula;    // f in markup (markup.h); $net stands for the net input
    std::string_view slopeFormula;  // f' in markup; $out and $net stand for the node's values
    std::string_view meaning;       // what f does, one sentence; $net names the net input
};

// The activations, in the order of the enum. The slope is written in out as the worked example
// does: out (1 - out) for the sigmoid. ReLU's slope at exactly 0 is taken as 0.
inline constexpr std::array<ActivationInfo, 4> kActivations{{
    {Activation::Sigmoid, "sigmoid", [](double net) { return 1.0 / (1.0 + std::exp(-net)); },
     [](double out) { return out * (1.0 - out); }, "1/(1 + e^{-$net})", "$out(1 - $out)",
     "The sigmoid squashes $net into (0, 1)."},
    {Activation::Tanh, "tanh", [](double net) { return std::tanh(net); },
     [](double out) { return 1.0 - out * out; }, "tanh($net)", "1 - $out^{2}",
     "tanh squashes $net into (-1, 1)."},
    {Activation::Relu, "relu", [](double net) { return net > 0.0 ? net : 0.0; },
     [](double out) { return out > 0.0 ? 1.0 : 0.0; }, "max(0, $net)", "1 if $net > 0, else 0",
     "ReLU passes a positive $net on and blocks a negative one."},
    {Activation::Linear, "linear", [](double net) { return net; }, [](double) { return 1.0; },
     "$net", "1", "A linear node passes $net on unchanged."},
}};

// The entry of `activation`.
constexpr const ActivationInfo& activationInfo(Activation activation) {
    return kActivations[static_cast<std::size_t>(activation)];
}

// The name of `activation` ("sigmoid", "tanh", "relu", "linear").
constexpr std::string_view activationName(Activation activation) {
    return activationInfo(activation).name;
}

// The activation called `name`, or nothing when no activation has that name.
std::optional<Activation> activationFromName(std::string_view name);

// Every name, for messages and help: "sigmoid, tanh, relu or linear".
std::string activationNameList();

// out = f(net).
inline double activate(Activation activation, double net) {
    return activationInfo(activation).f(net);
}

// dout/dnet = f'(net), from the node's out.
inline double activationSlope(Activation activation, double out) {
    return activationInfo(activation).slope(out);
}

// Calls `body` with the index of `activation` in kActivations as a compile-time constant, so that
// the engine's inner loops call f and f' directly, with no dispatch in them.
template <class Body, std::size_t I = 0>
void withActivation(Activation activation, Body&& body) {
    if constexpr (I < kActivations.size()) {
        static_assert(static_cast<std::size_t>(kActivations[I].activation) == I);
        if (static_cast<std::size_t>(activation) == I)
            return body(std::integral_constant<std::size_t, I>{});
        return withActivation<Body, I + 1>(activation, static_cast<Body&&>(body));
    }
}

}  // namespace core
