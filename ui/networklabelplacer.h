#pragma once

#include <QLineF>
#include <QRectF>
#include <functional>
#include <optional>
#include <vector>

namespace ui {

// Finds places for the labels of a network's edges: each label takes one of its candidate
// places, inside the view, clear of every box taken and every other label (with some room
// around it), and clear of every edge it does not belong to, so that no label sits on a
// crossing where it could belong to either edge. A label away from its edge has a leader line
// to it, which crosses no other edge and no box.
class NetworkLabelPlacer {
public:
    // One place a label may take: its box, and the leader from its edge when it is off it.
    struct Candidate {
        QRectF box;
        std::optional<QLineF> leader = std::nullopt;
    };
    // A label to place: its places, best first, and the edges (indices into the placer's edges)
    // it belongs to and so may touch.
    struct Label {
        std::vector<Candidate> candidates;
        std::vector<int> ownEdges;
        QSizeF room;  // kept free around it, to keep neighbours apart
    };

    // Places inside `bounds`, with `edges` to keep clear of by `clearance` pixels.
    NetworkLabelPlacer(QRectF bounds, std::vector<QLineF> edges, qreal clearance);

    // Whether `box` lies inside the bounds, clear of every box taken so far.
    bool isFree(const QRectF& box) const;
    // Keeps every label clear of `box`.
    void take(const QRectF& box) { boxes_.push_back(box); }
    // What becomes of a label that finds no free place: the placing stops there, it takes its
    // first place regardless, or it is left out (its candidate -1).
    enum class Misfit { Stop, Overlap, Drop };
    // The candidate each label takes: the most constrained label first, or (many labels, or
    // that failing) one label after the other. `complete` says whether every label found a free
    // place.
    std::vector<int> place(const std::vector<Label>& labels, Misfit misfit, bool& complete);

    // Places for a label of `size` on or beside `edge`, best first: centred on it near the
    // fraction `preferred` of its length, then touching it from above, below or the side,
    // then a little away with a leader. `line` is the label font's line spacing.
    static std::vector<Candidate> alongEdge(const QLineF& edge, QSizeF size, qreal preferred,
                                            qreal line);
    // Places for a label of `size` beside a circle at `center` of `radius`: right, below,
    // left, above, then the corners.
    static std::vector<Candidate> besidePoint(QPointF center, qreal radius, QSizeF size, qreal gap);

private:
    bool fitsFixed(const Label& label, const Candidate& candidate) const;
    bool fitsPlaced(const Label& label, const Candidate& candidate) const;
    void takeLabel(const Label& label, const Candidate& candidate);
    // Of label i, the candidates clear of what was there before the labels.
    using Usable = std::function<const std::vector<int>&(std::size_t)>;
    bool search(const std::vector<Label>& labels, const Usable& usable, std::vector<int>& chosen);
    // One try of the search, placing the labels `first` first; the label that found no place.
    std::optional<std::size_t> searchOnce(const std::vector<Label>& labels, const Usable& usable,
                                          const std::vector<std::size_t>& first,
                                          std::vector<int>& chosen);
    bool placeEachFirstFree(const std::vector<Label>& labels, const Usable& usable, Misfit misfit,
                            std::vector<int>& chosen);

    QRectF bounds_;
    std::vector<QLineF> edges_;
    qreal clearance_;
    std::vector<QRectF> boxes_;    // fixed boxes, then the labels placed so far with their room
    std::size_t fixed_ = 0;        // how many of boxes_ were taken before the labels
    std::vector<QLineF> leaders_;  // leaders placed so far
};

}  // namespace ui
