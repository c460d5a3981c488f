#pragma once

#include <cmath>
#include <optional>
#include <string_view>
#include <type_traits>

namespace core {

// The function a non-input layer applies to its net input.
enum class Activation { Sigmoid, Tanh, Relu, Linear };

// The name used in session files and on the command line ("sigmoid", "tanh", "relu", "linear").
std::string_view activationName(Activation activation);

// The activation called `name`, or nothing when no activation has that name.
std::optional<Activation> activationFromName(std::string_view name);

// out = f(net).
inline double activate(Activation activation, double net) {
    switch (activation) {
        case Activation::Sigmoid:
            return 1.0 / (1.0 + std::exp(-net));
        case Activation::Tanh:
            return std::tanh(net);
        case Activation::Relu:
            return net > 0.0 ? net : 0.0;
        case Activation::Linear:
            return net;
    }
    return net;
}

// dout/dnet = f'(net), written in terms of out where the function allows it (as the worked
// example does: out (1 - out) for the sigmoid). ReLU's slope at exactly 0 is taken as 0.
inline double activationSlope(Activation activation, double out) {
    switch (activation) {
        case Activation::Sigmoid:
            return out * (1.0 - out);
        case Activation::Tanh:
            return 1.0 - out * out;
        case Activation::Relu:
            return out > 0.0 ? 1.0 : 0.0;
        case Activation::Linear:
            return 1.0;
    }
    return 1.0;
}

// The same two functions for an activation known at compile time (the engine's inner loops).
template <Activation A>
double activate(std::integral_constant<Activation, A>, double net) {
    return activate(A, net);
}
template <Activation A>
double activationSlope(std::integral_constant<Activation, A>, double out) {
    return activationSlope(A, out);
}

}  // namespace core
