// libFuzzer target: the explanation of any session the reader accepts. Each accepted session is
// trained from its first state: the step is previewed and explained, a few updates are made on the
// fast path and the step after them (which may blow up) is explained too. Every term checked must
// be the number the snapshot holds, finite unless the step diverged, written with the
// explanation's digits, with its factor marks and highlights in range and its plain and HTML text
// rendered; a small step's terms, written one at a time, must be those of explain(); stepShape,
// indexOf and phaseEnd must agree with the terms, and the fast path with the recorded one.
// Run it with scripts/fuzz.sh (the fuzz preset); seeds are in corpus/fuzz_explanation and
// corpus/fuzz_session.
#include <QByteArray>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/explanation.h"
#include "core/markup.h"
#include "core/networkconfig.h"
#include "core/topology.h"
#include "core/trainer.h"
#include "fuzzcheck.h"
#include "ui/session/sessionfile.h"

using fuzz::require;

namespace {

// A snapshot holds every sample's gradient: sessions whose sample gradients would hold more numbers
// than this (8 MB) are skipped to keep each run fast. The largest network fits with 36 samples.
constexpr std::size_t kMaxSnapshotValues = std::size_t(1) << 20;
// Steps of up to this many terms are explained whole and compared with explain().
constexpr int kMaxWholeTerms = 2000;
// Terms checked of a larger step: the ends of each phase and others drawn from the input.
constexpr int kSampledTerms = 48;
// Updates made on the fast path before the second explained step.
constexpr long long kUpdates = 3;

// Whether `a` and `b` are the same number: bit for bit, or both NaN.
bool sameNumber(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Whether `a` and `b` are the same term, a NaN value equal to a NaN (Term's == says no).
bool sameTerm(core::Term a, core::Term b) {
    if (!sameNumber(a.value, b.value)) return false;
    a.value = b.value = 0.0;
    return a == b;
}

// Whether every factor mark "#k{" of `markup` names one of the term's `factorCount` factors.
bool marksInRange(const std::string& markup, std::size_t factorCount) {
    for (std::size_t at = markup.find('#'); at != std::string::npos;
         at = markup.find('#', at + 1)) {
        std::size_t end = at + 1;
        while (end < markup.size() && markup[end] >= '0' && markup[end] <= '9')
            ++end;
        if (end == at + 1 || end >= markup.size() || markup[end] != '{') continue;  // plain '#'
        if (end - at - 1 > 6 || std::stoul(markup.substr(at + 1, end - at - 1)) >= factorCount)
            return false;
    }
    return true;
}

bool nodeInRange(const core::Topology& topology, const core::Highlight::Node& node) {
    return node.layer >= 0 && node.layer < topology.layerCount() && node.node >= 0 &&
           node.node < topology.layerSize(node.layer);
}

bool partsInRange(const core::Topology& topology, const core::Highlight& highlight) {
    for (const auto* nodes : {&highlight.nodes, &highlight.biasEdges, &highlight.downstream})
        for (const auto& node : *nodes)
            if (!nodeInRange(topology, node)) return false;
    for (const auto& node : highlight.biasEdges)
        if (node.layer == 0) return false;
    for (int weight : highlight.weights)
        if (weight < 0 || weight >= topology.weightCount()) return false;
    for (int bias : highlight.biases)
        if (bias < 0 || bias >= topology.biasCount()) return false;
    return true;
}

template <class T>
bool ascendingOnce(const std::vector<T>& items) {
    return std::adjacent_find(items.begin(), items.end(),
                              [](const T& a, const T& b) { return !(a < b); }) == items.end();
}

// The checks of one term, the `index`th of `explanation`.
void checkTerm(const core::Explanation& explanation, int index, const core::Term& term,
               int digits) {
    const core::StepSnapshot& snapshot = explanation.snapshot();
    const core::Topology& topology = snapshot.topology();
    require(explanation.indexOf(term.quantity) == index, "indexOf finds the term of a quantity");
    const core::Phase phase = term.phase;
    require(index < explanation.phaseEnd(phase) &&
                (phase == core::Phase::Forward ||
                 index >= explanation.phaseEnd(core::Phase(int(phase) - 1))),
            "a term lies within its phase");
    require(sameNumber(term.value, snapshot.value(term.quantity)),
            "a term's value is the snapshot's");
    require(std::isfinite(term.value) || snapshot.divergence().has_value(),
            "a term's value is finite unless the step diverged");
    require(term.valueText == core::formatNumber(term.value, digits),
            "a term's value is written with the explanation's digits");
    require(marksInRange(term.formula, term.factors.size()) &&
                marksInRange(term.numbers, term.factors.size()),
            "a term's factor marks name its factors");
    require(partsInRange(topology, term.highlight), "a term highlights parts that exist");
    const core::Highlight lit = core::expand(term.highlight, topology);
    require(lit.downstream.empty() && partsInRange(topology, lit) && ascendingOnce(lit.nodes) &&
                ascendingOnce(lit.weights) && ascendingOnce(lit.biases) &&
                ascendingOnce(lit.biasEdges),
            "expand lists each part once, in ascending order, with no downstream left");
    require(core::expand(lit, topology) == lit, "expanding twice lights the same parts");
    require(!core::plainText(term).empty() && !core::htmlText(term).empty(),
            "a term renders as plain text and HTML");
}

// Explains `snapshot` with `digits` and checks its terms: all of a small step, compared with
// explain(); the ends of each phase and terms drawn by `draw` of a large one.
void checkExplanation(const core::StepSnapshot& snapshot, int digits, std::uint64_t draw) {
    const core::StepShape shape = core::stepShape(snapshot);
    const core::Explanation explanation(snapshot, digits);
    require(explanation.size() == shape.total, "the explanation has stepShape's terms");
    require(explanation.phaseEnd(core::Phase::Forward) == shape.forwardEnd &&
                explanation.phaseEnd(core::Phase::Backward) == shape.backwardEnd &&
                explanation.phaseEnd(core::Phase::Update) == shape.total,
            "the phases end where stepShape says");
    require(shape.updates() == snapshot.updated(), "a step has update terms when it updated");

    if (shape.total <= kMaxWholeTerms) {
        const std::vector<core::Term> terms = core::explain(snapshot, digits);
        require(int(terms.size()) == shape.total, "explain gives stepShape's terms");
        for (int i = 0; i < shape.total; ++i) {
            const core::Term term = explanation.term(i);
            require(sameTerm(term, terms[i]), "a term written alone is explain()'s term");
            checkTerm(explanation, i, term, digits);
        }
        return;
    }
    std::vector<int> indexes = {0,
                                shape.forwardEnd - 1,
                                shape.forwardEnd,
                                shape.backwardEnd - 1,
                                std::min(shape.backwardEnd, shape.total - 1),
                                shape.total - 1};
    while (int(indexes.size()) < kSampledTerms) {
        draw = draw * 6364136223846793005u + 1442695040888963407u;  // Knuth's MMIX LCG
        indexes.push_back(int((draw >> 33) % std::uint64_t(shape.total)));
    }
    for (int index : indexes)
        checkTerm(explanation, index, explanation.term(index), digits);
}

// FNV-1a of the input: the terms drawn from a large step, the same on every run of one input.
std::uint64_t hashOf(const std::uint8_t* data, std::size_t size) {
    std::uint64_t hash = 14695981039346656037u;
    for (std::size_t i = 0; i < size; ++i)
        hash = (hash ^ data[i]) * 1099511628211u;
    return hash;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const std::optional<session::Session> session = session::SessionFile::parse(json, nullptr);
    if (!session) return 0;
    const core::NetworkConfig& config = session->config;
    const core::Topology topology = core::topologyOf(config);
    const std::size_t parameters = topology.weightCount() + topology.biasCount();
    if (config.samples.size() * parameters > kMaxSnapshotValues) return 0;
    // Every precision in turn, chosen by the input's length.
    const int digits = core::DigitsRange::min + int(size % core::DigitsRange::max);
    const std::uint64_t draw = hashOf(data, size);

    core::Trainer trainer(config);
    const core::StepSnapshot first = trainer.preview();
    require(first.updated() != first.divergence().has_value(),
            "a step updates exactly when it does not diverge");
    if (first.divergence())
        require(!std::isfinite(first.value(first.divergence()->where)),
                "a divergence names a number that is not finite");
    checkExplanation(first, digits, draw);

    // A few updates on the fast path, then the next step explained.
    const long long made = trainer.run(kUpdates);
    require(made == kUpdates || trainer.divergence().has_value(),
            "the fast path stops early only on a divergence");
    checkExplanation(trainer.step(), digits, draw);

    // The recorded path, one snapshot per step, ends where the fast path did.
    core::Trainer recorded(config);
    for (long long i = 0; i <= kUpdates; ++i)
        recorded.step();
    require(recorded.parameters() == trainer.parameters() &&
                recorded.iteration() == trainer.iteration() &&
                recorded.divergence() == trainer.divergence(),
            "the fast path and the recorded path agree bit for bit");
    return 0;
}
