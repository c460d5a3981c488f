#include "networklabelplacer.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "diagramgeometry.h"

namespace ui {

namespace {

// Places along an edge run from this fraction of its length to one minus it,
constexpr qreal kEdgeReach = 0.06;
// in steps of this fraction, or of this many lines when the edge is long.
constexpr qreal kSmallestStep = 0.02;
constexpr qreal kStepLines = 0.3;
// What a place costs: its distance from the preferred fraction of the edge (times this), then
// touching the edge rather than centred on it, from the side, and away from it with a short or a
// long leader.
constexpr qreal kDistanceCost = 10;
constexpr qreal kTouchingCost = 2.5;
constexpr qreal kSideCost = 3.5;
constexpr qreal kNearLeaderCost = 5;
constexpr qreal kFarLeaderCost = 7;
// How far a leader reaches from the edge to its label, in lines.
constexpr qreal kNearLeaderLines = 0.7;
constexpr qreal kFarLeaderLines = 1.8;
// The most labels the search for the most constrained one is made on (it costs the square of
// their number), and the free places beyond which a label counts as unconstrained.
constexpr std::size_t kMostSearched = 40;
constexpr std::size_t kEnoughPlaces = 12;
// How often the search starts again with the label that found no place put first.
constexpr int kRetries = 6;

}  // namespace

NetworkLabelPlacer::NetworkLabelPlacer(QRectF bounds, std::vector<QLineF> edges, qreal clearance)
    : bounds_(bounds), edges_(std::move(edges)), clearance_(clearance) {}

bool NetworkLabelPlacer::isFree(const QRectF& box) const {
    return bounds_.contains(box) &&
           std::none_of(boxes_.begin(), boxes_.end(),
                        [&](const QRectF& o) { return o.intersects(box); });
}

// Inside the bounds, clear of the boxes taken before the labels and of every edge the label
// does not belong to; a leader starts away from those edges and crosses none of them nor a box.
bool NetworkLabelPlacer::fitsFixed(const Label& label, const Candidate& candidate) const {
    const QRectF& box = candidate.box;
    if (!bounds_.contains(box)) return false;
    const QRectF roomy = box.adjusted(-label.room.width() / 2, -label.room.height() / 2,
                                      label.room.width() / 2, label.room.height() / 2);
    for (std::size_t i = 0; i < fixed_; ++i)
        if (boxes_[i].intersects(roomy)) return false;
    const QRectF clear = box.adjusted(-clearance_, -clearance_, clearance_, clearance_);
    std::optional<QRectF> start;
    if (candidate.leader) {
        const QPointF p = candidate.leader->p1();
        start = QRectF(p.x() - clearance_, p.y() - clearance_, 2 * clearance_, 2 * clearance_);
        for (std::size_t i = 0; i < fixed_; ++i)
            if (crossesBox(*candidate.leader, boxes_[i])) return false;
    }
    for (int e = 0; e < static_cast<int>(edges_.size()); ++e) {
        if (std::find(label.ownEdges.begin(), label.ownEdges.end(), e) != label.ownEdges.end())
            continue;
        if (crossesBox(edges_[e], clear)) return false;
        if (candidate.leader &&
            (crossesLine(edges_[e], *candidate.leader) || crossesBox(edges_[e], *start)))
            return false;
    }
    return true;
}

// Clear of the labels placed so far and of their leaders.
bool NetworkLabelPlacer::fitsPlaced(const Label& label, const Candidate& candidate) const {
    const QRectF& box = candidate.box;
    const QRectF roomy = box.adjusted(-label.room.width() / 2, -label.room.height() / 2,
                                      label.room.width() / 2, label.room.height() / 2);
    for (std::size_t i = fixed_; i < boxes_.size(); ++i)
        if (boxes_[i].intersects(roomy) ||
            (candidate.leader && crossesBox(*candidate.leader, boxes_[i])))
            return false;
    for (const QLineF& leader : leaders_)
        if (crossesBox(leader, box) || (candidate.leader && crossesLine(*candidate.leader, leader)))
            return false;
    return true;
}

void NetworkLabelPlacer::takeLabel(const Label& label, const Candidate& candidate) {
    boxes_.push_back(candidate.box.adjusted(-label.room.width() / 2, -label.room.height() / 2,
                                            label.room.width() / 2, label.room.height() / 2));
    if (candidate.leader) leaders_.push_back(*candidate.leader);
}

std::vector<int> NetworkLabelPlacer::place(const std::vector<Label>& labels, Misfit misfit,
                                           bool& complete) {
    // What the boxes taken so far and the edges leave of each label's places, worked out once
    // (and only for the labels reached: a try that fails early costs little).
    fixed_ = boxes_.size();
    std::vector<std::optional<std::vector<int>>> cache(labels.size());
    const Usable usable = [&](std::size_t i) -> const std::vector<int>& {
        if (!cache[i]) {
            cache[i].emplace();
            for (std::size_t c = 0; c < labels[i].candidates.size(); ++c)
                if (fitsFixed(labels[i], labels[i].candidates[c]))
                    cache[i]->push_back(static_cast<int>(c));
        }
        return *cache[i];
    };
    std::vector<int> chosen(labels.size(), 0);
    if (labels.size() <= kMostSearched) {
        complete = search(labels, usable, chosen);
        if (complete || misfit == Misfit::Stop) return chosen;
        // Start again, one label after the other.
        boxes_.resize(fixed_);
        leaders_.clear();
    }
    complete = placeEachFirstFree(labels, usable, misfit, chosen);
    return chosen;
}

// The most constrained label first: at each turn the label with the fewest free places takes
// its best one (a few labels squeezed between crossing edges decide where the others may go).
// A label that ends up with no place goes first in the next try, a few times over.
bool NetworkLabelPlacer::search(const std::vector<Label>& labels, const Usable& usable,
                                std::vector<int>& chosen) {
    std::vector<std::size_t> first;  // labels placed before the others, in this order
    for (int attempt = 0; attempt <= kRetries; ++attempt) {
        boxes_.resize(fixed_);
        leaders_.clear();
        const std::optional<std::size_t> failed = searchOnce(labels, usable, first, chosen);
        if (!failed) return true;
        if (std::find(first.begin(), first.end(), *failed) != first.end()) return false;
        first.push_back(*failed);
    }
    return false;
}

std::optional<std::size_t> NetworkLabelPlacer::searchOnce(const std::vector<Label>& labels,
                                                          const Usable& usable,
                                                          const std::vector<std::size_t>& first,
                                                          std::vector<int>& chosen) {
    std::vector<bool> placed(labels.size(), false);
    // The best free place of label i and how many it has, counted up to kEnoughPlaces + 1.
    const auto freePlaces = [&](std::size_t i) {
        std::pair<std::size_t, int> count{0, -1};
        for (const int c : usable(i))
            if (fitsPlaced(labels[i], labels[i].candidates[c])) {
                if (count.second < 0) count.second = c;
                if (++count.first > kEnoughPlaces) break;
            }
        return count;
    };
    for (std::size_t turn = 0; turn < labels.size(); ++turn) {
        std::size_t hardest = labels.size();
        std::pair<std::size_t, int> fewest{0, -1};
        if (turn < first.size()) {
            hardest = first[turn];
            fewest = freePlaces(hardest);
            if (fewest.first == 0) return hardest;
        } else {
            for (std::size_t i = 0; i < labels.size(); ++i) {
                if (placed[i]) continue;
                const auto count = freePlaces(i);
                if (count.first == 0) return i;
                if (hardest == labels.size() || count.first < fewest.first)
                    hardest = i, fewest = count;
            }
        }
        placed[hardest] = true;
        chosen[hardest] = fewest.second;
        takeLabel(labels[hardest], labels[hardest].candidates[fewest.second]);
    }
    return std::nullopt;
}

bool NetworkLabelPlacer::placeEachFirstFree(const std::vector<Label>& labels, const Usable& usable,
                                            Misfit misfit, std::vector<int>& chosen) {
    bool complete = true;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::vector<int>& places = usable(i);
        const auto free = std::find_if(places.begin(), places.end(), [&](int c) {
            return fitsPlaced(labels[i], labels[i].candidates[c]);
        });
        if (free != places.end()) {
            chosen[i] = *free;
            takeLabel(labels[i], labels[i].candidates[*free]);
            continue;
        }
        complete = false;
        if (misfit == Misfit::Stop) return false;
        chosen[i] = misfit == Misfit::Overlap ? 0 : -1;
        if (chosen[i] >= 0) takeLabel(labels[i], labels[i].candidates.front());
    }
    return complete;
}

std::vector<NetworkLabelPlacer::Candidate> NetworkLabelPlacer::alongEdge(const QLineF& edge,
                                                                         QSizeF size,
                                                                         qreal preferred,
                                                                         qreal line) {
    const qreal length = std::max<qreal>(edge.length(), 1);
    const qreal step = std::max(kSmallestStep, kStepLines * line / length);
    const qreal w = size.width(), h = size.height();
    std::vector<std::pair<qreal, Candidate>> scored;
    for (qreal t = kEdgeReach; t <= 1 - kEdgeReach; t += step) {
        const QPointF p = edge.pointAt(t);
        const qreal distance = std::abs(t - preferred) * kDistanceCost;
        const auto add = [&](qreal cost, QPointF center, bool leader) {
            Candidate candidate{centeredAt(center, size)};
            if (leader) candidate.leader = QLineF(p, nearestOnBox(candidate.box, p));
            scored.push_back({distance + cost, candidate});
        };
        add(0, p, false);
        add(kTouchingCost, p - QPointF(0, h / 2), false);
        add(kTouchingCost, p + QPointF(0, h / 2), false);
        add(kSideCost, p + QPointF(w / 2, 0), false);
        add(kSideCost, p - QPointF(w / 2, 0), false);
        for (const auto& [lines, cost] : {std::pair{kNearLeaderLines, kNearLeaderCost},
                                          std::pair{kFarLeaderLines, kFarLeaderCost}}) {
            add(cost, p - QPointF(0, h / 2 + lines * line), true);
            add(cost, p + QPointF(0, h / 2 + lines * line), true);
        }
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Candidate> candidates;
    candidates.reserve(scored.size());
    for (auto& [score, candidate] : scored)
        candidates.push_back(candidate);
    return candidates;
}

std::vector<NetworkLabelPlacer::Candidate> NetworkLabelPlacer::besidePoint(QPointF center,
                                                                           qreal radius,
                                                                           QSizeF size, qreal gap) {
    const qreal w = size.width(), h = size.height();
    const qreal reach = radius + gap;
    const QPointF offsets[] = {
        {reach + w / 2, 0},      {0, reach + h / 2},       {-reach - w / 2, 0},
        {0, -reach - h / 2},     {reach + w / 2, reach},   {reach + w / 2, -reach},
        {-reach - w / 2, reach}, {-reach - w / 2, -reach},
    };
    std::vector<Candidate> candidates;
    for (const QPointF offset : offsets)
        candidates.push_back({centeredAt(center + offset, size)});
    return candidates;
}

}  // namespace ui
