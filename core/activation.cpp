#include "activation.h"

namespace core {

std::optional<Activation> activationFromName(std::string_view name) {
    for (const ActivationInfo& info : kActivations)
        if (info.name == name) return info.activation;
    return std::nullopt;
}

std::string activationNameList() {
    std::string list;
    for (std::size_t i = 0; i < kActivations.size(); ++i) {
        if (i > 0) list += i + 1 == kActivations.size() ? " or " : ", ";
        list += kActivations[i].name;
    }
    return list;
}

}  // namespace core
