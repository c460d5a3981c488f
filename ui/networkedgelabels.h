#pragma once

#include <QFont>
#include <QPointF>
#include <QString>
#include <vector>

#include "core/topology.h"
#include "networklabelplacer.h"
#include "networklayout.h"

namespace ui {

// The labels a network's edges carry, each with the places it may take and the edges it
// belongs to: one for every weight, on its edge; one for every bias, beside its bias node when
// the layer shares it, on its edge when each node has its own; and (when asked) one for the
// share of every path out of a node that is not an input, on its edge towards that node. Each
// is sized for the widest numbers it shows, before its update (after it, its first line may be
// written a little smaller).
class NetworkEdgeLabels {
public:
    // How the labels are written.
    struct Style {
        QFont font;
        QString parameter;  // the widest parameter value
        QString gradient;   // the widest gradient
        QString share;      // the widest path share
        bool compact;       // the short form
        bool shares;        // whether the path shares have labels
    };
    // Where the drawing's parts are.
    struct Drawing {
        const std::vector<NetworkLayout::Edge>& edges;
        const std::vector<QPointF>& biasNodes;  // of each layer (>= 1)
        qreal biasNodeRadius;
        qreal nodeClearance;  // pixels kept free around a node
    };

    NetworkEdgeLabels(const core::Topology& topology, const Style& style, const Drawing& drawing);

    // Each label's kind and index (its box not placed yet), in the order of requests().
    const std::vector<NetworkLayout::Label>& labels() const { return labels_; }
    // What the placer needs of each label.
    const std::vector<NetworkLabelPlacer::Label>& requests() const { return requests_; }

private:
    void add(NetworkLayout::Label::Kind kind, int index,
             std::vector<NetworkLabelPlacer::Candidate> candidates, std::vector<int> ownEdges);
    // A parameter's label: as wide as its widest line before the update and most of its first
    // line after it, two lines high.
    QSizeF parameterSize(const std::string& name, bool bias) const;

    Style style_;
    QFontMetricsF metrics_;
    QSizeF room_;  // kept free around a label
    std::vector<NetworkLayout::Label> labels_;
    std::vector<NetworkLabelPlacer::Label> requests_;
};

}  // namespace ui
