#include "quantity.h"

namespace core {

std::string quantityName(const Topology& topology, const QuantityRef& ref, int sampleCount) {
    const auto node = [&] { return topology.nodeName(ref.layer, ref.node); };
    std::string name;
    switch (ref.quantity) {
        case Quantity::Net:
            name = "net_" + node();
            break;
        case Quantity::Out:
            name = "out_" + node();
            break;
        case Quantity::OutputError:
            name = "E_" + node();
            break;
        case Quantity::SampleLoss:
            name = "E";
            break;
        case Quantity::Loss:
            name = "E_total";
            break;
        case Quantity::DLoss_dOut:
            name = "dE/dout_" + node();
            break;
        case Quantity::PathDLoss_dOut:
            name = "dE/dout_" + node() + " via " + topology.nodeName(ref.layer + 1, ref.via);
            break;
        case Quantity::DOut_dNet:
            name = "dout_" + node() + "/dnet_" + node();
            break;
        case Quantity::Delta:
            name = "delta_" + node();
            break;
        case Quantity::SampleDLoss_dWeight:
        case Quantity::DLoss_dWeight:
            name = "dE/d" + topology.weightName(ref.parameter);
            break;
        case Quantity::SampleDLoss_dBias:
        case Quantity::DLoss_dBias:
            name = "dE/d" + topology.biasName(ref.parameter);
            break;
        case Quantity::NewWeight:
            name = topology.weightName(ref.parameter) + " (new)";
            break;
        case Quantity::NewBias:
            name = topology.biasName(ref.parameter) + " (new)";
            break;
        case Quantity::Weight:
            name = topology.weightName(ref.parameter);
            break;
        case Quantity::Bias:
            name = topology.biasName(ref.parameter);
            break;
        case Quantity::Target:
            name = "target_" + node();
            break;
        case Quantity::LearningRate:
            name = "lr";
            break;
        case Quantity::NewWeightVelocity:
            name = "v_" + topology.weightName(ref.parameter) + " (new)";
            break;
        case Quantity::NewBiasVelocity:
            name = "v_" + topology.biasName(ref.parameter) + " (new)";
            break;
        case Quantity::WeightVelocity:
            name = "v_" + topology.weightName(ref.parameter);
            break;
        case Quantity::BiasVelocity:
            name = "v_" + topology.biasName(ref.parameter);
            break;
        case Quantity::Momentum:
            name = "beta";
            break;
    }
    if (ref.sample >= 0 && sampleCount > 1) name += " of sample " + std::to_string(ref.sample + 1);
    return name;
}

}  // namespace core
