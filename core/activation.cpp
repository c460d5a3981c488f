#include "activation.h"

#include <array>
#include <utility>

namespace core {

namespace {

constexpr std::array<std::pair<Activation, std::string_view>, 4> kNames{{
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::Linear, "linear"},
}};

}  // namespace

std::string_view activationName(Activation activation) {
    for (const auto& [value, name] : kNames)
        if (value == activation) return name;
    return "unknown";
}

std::optional<Activation> activationFromName(std::string_view name) {
    for (const auto& [value, known] : kNames)
        if (known == name) return value;
    return std::nullopt;
}

}  // namespace core
