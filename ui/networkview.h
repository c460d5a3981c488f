#pragma once

#include <QWidget>

#include "core/stepreveal.h"
#include "denseedges.h"
#include "diagramimagecache.h"
#include "diagrammarks.h"
#include "networkitem.h"
#include "networklayout.h"
#include "networktexts.h"
#include "trainingcontroller.h"
#include "valuescrub.h"

namespace ui {

// Draws a step of the network so that the diagram tells the chain rule: every node with its
// forward values (net, out) and backward values (∂E/∂out, ∂out/∂net, δ), every weight and bias
// on its edge with its gradient and the direction the next update moves it (the old and new
// value once updated), each path's share δ·w on its edge with an arrow back towards the inputs
// once computed, targets and errors beside the outputs, and E_total large. Colour and line
// style give a weight's sign, thickness its size. Values the position has not revealed show
// "?", values never computed "—". The current term's parts are lit, the value it computes
// emphasised in the highlight colour and each of its factors framed in the factor's colour of
// the equation; a forward term's edges carry arrows into its node. Hovering an edge or a label
// lights both. It shows the model's step as far as it is revealed, in the model's digits and
// sample, and never touches the engine.
class NetworkView : public QWidget {
    Q_OBJECT

public:
    explicit NetworkView(TrainingController* model, QWidget* parent = nullptr);

    // The model's step, every value computed.
    const core::StepSnapshot& snapshot() const { return model_->snapshot(); }
    // That step as far as it is revealed: what the view shows.
    const core::StepReveal& reveal() const { return model_->reveal(); }

    // The two lines drawn on a weight's edge, e.g. "w5 = 0.4 ▼\n∂E/∂w5 = 0.08217", or once its
    // update is revealed "w5: 0.4 → 0.3589\n∂E/∂w5 = 0.08217".
    QString weightLabelText(int weight) const;
    // The two lines drawn for a bias.
    QString biasLabelText(int bias) const;
    // The path share drawn on a weight's edge, "δ·w5 = 0.0554"; empty while not computed.
    QString shareLabelText(int weight) const;
    // A node's value on one of its lines, "?" or "—" when not revealed (an input: its value).
    QString nodeValueText(int layer, int node, NodeLine line) const;
    // The name in the circle of the bias node feeding `layer`: its bias's (b1, b2) when the
    // layer shares one, else "b" (each edge's label names its own, b_h1 ..).
    QString biasNodeName(int layer) const;
    // What the view marks at the model's position (none for a phase's summary).
    DiagramMarks marks() const;
    // Where `place` is drawn, in the view's coordinates.
    QRectF placeRect(const DiagramPlace& place) const;
    // The legend's phrases as the view writes them (which the layout places).
    std::vector<NetworkLegend::Entry> legend() const;
    // Where every part goes, for the view's size, font, digits and legend, in the diagram's
    // coordinates: the view's divided by the zoom (fromDiagram maps them back).
    const NetworkLayout& networkLayout() const { return layout_; }
    // The model's zoom as a factor, and the size the diagram is laid out at: the view's over it.
    qreal zoom() const;
    QSizeF diagramSize() const;
    // `box` of the diagram where it shows in the view.
    QRectF fromDiagram(const QRectF& box) const;
    // What is drawn at `position`, in the view's coordinates.
    NetworkItem itemAt(QPointF position) const;
    // The item under the mouse, lit with its edges and labels.
    NetworkItem hoveredItem() const { return hovered_; }
    // Opens the inline editor of `item` (a weight, a bias, an input) over its label, or at
    // `anchor` when it has none; false for an item that is not typed over.
    bool editItem(const NetworkItem& item, std::optional<QPointF> anchor = std::nullopt);

    // A size that shows a small network comfortably.
    QSize sizeHint() const override { return {900, 480}; }
    // The smallest size the window may give it: low enough for a window of 800x600 (with the
    // shape's buttons above it, 250 px).
    QSize minimumSizeHint() const override { return {480, 230}; }

signals:
    // The user clicked an item, to inspect it.
    void itemClicked(const ui::NetworkItem& item);

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh(TrainingController::Changes what);
    void relayout();
    NetworkTexts texts() const;
    void setHovered(NetworkItem item);
    // Both draw cached images, made at `pixelRatio` pixels a unit of the diagram.
    void drawNodes(QPainter& painter, qreal pixelRatio);
    void drawLegend(QPainter& painter, qreal pixelRatio);
    // Whether the legend says something else than the layout placed (it names the sample shown,
    // which moves with the terms).
    bool legendChanged() const;
    void drawDivergence(QPainter& painter) const;
    void drawPending(QPainter& painter) const;

    TrainingController* model_;
    NetworkLayout layout_;
    DiagramImageCache images_;
    DenseEdges denseEdges_;  // a dense network's edges, as last drawn
    NetworkItem hovered_;
    NetworkItem clicked_;    // the item last clicked: Enter or F2 edits it when none is hovered
    ValueScrub scrub_;       // a drag along a number, changing it
    WidestNumbers numbers_;  // the widest numbers the layout makes room for (see refresh)
    bool pending_ = false;   // the step at the position is being computed: the note shows
    std::optional<QPointF> pointer_;  // the mouse, while over the view (in the diagram)
};

}  // namespace ui
