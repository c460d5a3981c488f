#include "clireport.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "core/activation.h"
#include "core/explanation.h"
#include "core/handout.h"
#include "core/markup.h"
#include "core/quantity.h"
#include "ui/session/jsonwriter.h"
#include "ui/session/sessionfile.h"

namespace {

std::string describeNetwork(const CliOptions& options) {
    const std::string source = options.presetName.isEmpty()
                                   ? "session " + options.configPath.toStdString()
                                   : "preset " + options.presetName.toStdString();
    return "Backprop Lab: " + source + ", " + core::describeConfig(options.session.config) + "\n";
}

// "curvature at the start: lambda_max 0.2345, lambda_min -0.0012, stable below 8.53", and what
// stands in for the rate when there is no limit or for all when a value was not finite.
std::string curvatureLine(const char* where, const core::Curvature& curvature, double momentum,
                          int digits) {
    const std::string head = std::string("curvature at the ") + where + ": ";
    if (!curvature.finite) return head + "none, a value near this state is infinite or NaN\n";
    const auto number = [&](double v) { return core::formatNumber(v, digits); };
    const std::optional<double> rate = core::stableRate(curvature.lambdaMax, momentum);
    std::string text = head + "lambda_max " + number(curvature.lambdaMax) + ", lambda_min " +
                       number(curvature.lambdaMin) + ", " +
                       (rate ? "stable below " + number(*rate) : std::string("no local limit"));
    if (rate && momentum > 0.0) text += " with momentum " + number(momentum);
    if (curvature.method == core::CurvatureMethod::Lanczos)
        text +=
            " (Lanczos estimate over " + std::to_string(curvature.parameterCount) + " parameters)";
    return text + "\n";
}

// Steps 0, 1, 2, 5, 10, 20, 50, ..: with the last, enough rows to see the curve's shape.
bool isSampledStep(long long step) {
    while (step >= 10 && step % 10 == 0)
        step /= 10;
    return step == 0 || step == 1 || step == 2 || step == 5;
}

std::string padded(const std::string& text, int width) {
    return text.size() >= std::size_t(width) ? text : std::string(width - text.size(), ' ') + text;
}

// "curvature": {"lambda_max": .., "lambda_min": .., "stable_rate": ..}, each null when the
// curvature is not finite, the rate null when there is no local limit.
void writeCurvature(session::JsonWriter& json, const core::Curvature& curvature, double momentum) {
    json.key("curvature").beginObject();
    if (!curvature.finite) {
        json.key("lambda_max").null().key("lambda_min").null().key("stable_rate").null();
    } else {
        json.field("lambda_max", curvature.lambdaMax).field("lambda_min", curvature.lambdaMin);
        const std::optional<double> rate = core::stableRate(curvature.lambdaMax, momentum);
        json.key("stable_rate");
        if (rate)
            json.value(*rate);
        else
            json.null();
    }
    json.endObject();
}

// One state of the JSON report, handed to `write` a sample at a time: at the largest size a state
// is tens of megabytes of text.
void writeState(session::JsonWriter& json, const core::StepSnapshot& state,
                const std::optional<core::Curvature>& curvature, double momentum,
                const std::function<void(const std::string&)>& write) {
    const core::Topology& topology = state.topology();
    json.beginObject().field("loss", state.loss());
    json.key("weights").beginObject();
    for (int w = 0; w < topology.weightCount(); ++w)
        json.field(topology.weightName(w), state.weightsBefore()[w]);
    json.endObject().key("biases").beginObject();
    for (int b = 0; b < topology.biasCount(); ++b)
        json.field(topology.biasName(b), state.biasesBefore()[b]);
    json.endObject().key("gradients").beginObject();
    for (int w = 0; w < topology.weightCount(); ++w)
        json.field(topology.weightName(w), state.dLoss_dWeight(w));
    for (int b = 0; b < topology.biasCount(); ++b)
        json.field(topology.biasName(b), state.dLoss_dBias(b));
    json.endObject();
    if (curvature) writeCurvature(json, *curvature, momentum);
    json.key("samples").beginArray(true);
    for (int s = 0; s < state.sampleCount(); ++s) {
        json.beginObject()
            .key("input")
            .numbers(state.samples()[s].input)
            .key("target")
            .numbers(state.samples()[s].target)
            .field("loss", state.sampleLoss(s));
        json.key("nodes").beginObject();
        for (int l = 1; l < topology.layerCount(); ++l)
            for (int n = 0; n < topology.layerSize(l); ++n) {
                const core::NodeValues& node = state.node(s, l, n);
                json.key(topology.nodeName(l, n)).beginObject();
                json.field("net", node.net).field("out", node.out);
                json.field("dE_dout", node.dLoss_dOut).field("dout_dnet", node.dOut_dNet);
                json.field("delta", node.delta).endObject();
            }
        json.endObject().endObject();
        write(json.takeText());
    }
    json.endArray().endObject();
}

// The keys before the loss array's elements, up to and including its `[`.
void writeJsonHead(session::JsonWriter& json, const CliOptions& options) {
    json.beginObject();
    if (options.presetName.isEmpty())
        json.key("preset").null().field("config", options.configPath.toStdString());
    else
        json.field("preset", options.presetName.toStdString());
    session::writeNetworkKeys(json, options.session.config);
    json.field("steps", options.steps).key("loss").beginArray();
}

}  // namespace

void CliRun::addLoss(double loss) {
    if (isSampledStep(lossCount)) sampledLosses.emplace_back(lossCount, loss);
    lastLoss = loss;
    ++lossCount;
}

std::string tableReport(const CliOptions& options, const CliRun& run) {
    const int digits = options.digits;
    const core::Topology& topology = run.initial.topology();
    const auto number = [&](double v) { return core::formatNumber(v, digits); };
    std::string text = describeNetwork(options);
    text += std::to_string(options.steps) + (options.steps == 1 ? " step" : " steps") + ": loss " +
            number(run.lossCount == 0 ? run.initial.loss() : run.sampledLosses.front().second) +
            " -> " + (run.lossCount == 0 ? "?" : number(run.lastLoss)) + "\n";
    if (run.divergence)
        text +=
            core::divergenceSentence(topology, run.initial.sampleCount(), *run.divergence) + "\n";
    if (run.initialCurvature)
        text +=
            curvatureLine("start", *run.initialCurvature, options.session.config.momentum, digits);
    if (run.finalCurvature)
        text += curvatureLine("end", *run.finalCurvature, options.session.config.momentum, digits);

    const int width = digits + 8;
    text += "\n" + std::string("parameter") + padded("before", width) +
            padded("dE/dp before", width) + padded("after", width) + "\n";
    const auto row = [&](const std::string& name, double before, double gradient, double after,
                         const char* note) {
        text += name + std::string(9 - std::min<std::size_t>(9, name.size()), ' ') +
                padded(number(before), width) + padded(number(gradient), width) +
                padded(number(after), width) + note + "\n";
    };
    for (int w = 0; w < topology.weightCount(); ++w)
        row(topology.weightName(w), run.initial.weightsBefore()[w], run.initial.dLoss_dWeight(w),
            run.final.weightsBefore()[w], "");
    for (int b = 0; b < topology.biasCount(); ++b)
        row(topology.biasName(b), run.initial.biasesBefore()[b], run.initial.dLoss_dBias(b),
            run.final.biasesBefore()[b], options.session.config.trainBiases ? "" : "  (frozen)");

    text += "\n" + padded("step", 10) + padded("loss", width) + "\n";
    const auto lossRow = [&](long long step, double loss) {
        text += padded(std::to_string(step), 10) + padded(number(loss), width) + "\n";
    };
    for (const auto& [step, loss] : run.sampledLosses)
        lossRow(step, loss);
    if (run.lossCount > 1 && run.sampledLosses.back().first != run.lossCount - 1)
        lossRow(run.lossCount - 1, run.lastLoss);
    return text;
}

std::string jsonHead(const CliOptions& options) {
    session::JsonWriter json;
    writeJsonHead(json, options);
    return json.text();
}

void appendJsonLosses(std::string& out, const std::vector<double>& losses, bool first) {
    session::JsonWriter::appendArrayNumbers(out, losses, first);
}

void jsonTail(const CliOptions& options, const CliRun& run,
              const std::function<void(const std::string&)>& write) {
    // The whole object with an empty loss array, less the head already written.
    session::JsonWriter json;
    writeJsonHead(json, options);
    json.takeText();
    json.endArray().field("diverged", run.divergence.has_value());
    if (run.divergence) {
        const core::Topology& topology = run.initial.topology();
        json.key("diverged_at")
            .beginObject()
            .field("step", run.divergence->step)
            .field("quantity",
                   core::quantityName(topology, run.divergence->where, run.initial.sampleCount()))
            .field("value", core::nonFiniteName(run.divergence->value))
            .endObject();
    }
    const double momentum = options.session.config.momentum;
    json.key("initial");
    writeState(json, run.initial, run.initialCurvature, momentum, write);
    json.key("final");
    writeState(json, run.final, run.finalCurvature, momentum, write);
    json.endObject();
    write(json.takeText() + "\n");
}

void explainReport(const CliOptions& options, const core::StepSnapshot& step,
                   const std::function<void(const std::string&)>& write) {
    const std::string lead = core::stepLead(step);
    // One term at a time, each written when its turn comes and then forgotten.
    const core::Explanation terms(step, options.digits);
    const std::string divergence =
        step.divergence()
            ? core::divergenceSentence(step.topology(), step.sampleCount(), *step.divergence())
            : std::string();
    std::string title = describeNetwork(options);
    title.pop_back();  // its line end
    // The text ends with the divergence, as the terminal reads it; a handout says it first.
    const bool text = !options.handout;
    core::writeHandout(terms, options.handout.value_or(core::HandoutFormat::Text), title,
                       text || divergence.empty() ? lead : lead + " " + divergence, write);
    if (!text) return;
    if (!divergence.empty()) write("\n" + divergence + "\n");
}
