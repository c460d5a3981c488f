#pragma once

#include <QHash>
#include <QPixmap>
#include <QWidget>
#include <functional>

#include "core/stepreveal.h"
#include "networkitem.h"
#include "networklayout.h"
#include "trainingcontroller.h"

namespace ui {

// Draws a step of the network: nodes with their net and out, every weight and bias on its edge
// with its gradient and the direction the next update moves it, targets and errors beside the
// outputs, and E_total large. Colour and line style give a weight's sign, thickness its size.
// Values the position has not revealed show "?"; the current term's path is highlighted. It
// shows the model's step as far as it is revealed, in the model's digits and sample, and
// never touches the engine.
class NetworkView : public QWidget {
    Q_OBJECT

public:
    explicit NetworkView(const TrainingController* model, QWidget* parent = nullptr);

    // The model's step, every value computed.
    const core::StepSnapshot& snapshot() const { return model_->snapshot(); }
    // That step as far as it is revealed: what the view shows.
    const core::StepReveal& reveal() const { return model_->reveal(); }

    // The two lines drawn on a weight's edge, e.g. "w5 = 0.3589 ▼\n∂E/∂w5 = 0.07185".
    QString weightLabelText(int weight) const;
    // The two lines drawn for a bias.
    QString biasLabelText(int bias) const;
    // The legend's phrases as the view writes them (which the layout places).
    std::vector<NetworkLegend::Entry> legend() const;
    // Where every part goes, for the view's size, font, digits and legend.
    const NetworkLayout& networkLayout() const { return layout_; }
    // What is drawn at `position`.
    NetworkItem itemAt(QPointF position) const;

    // A size that shows a small network comfortably.
    QSize sizeHint() const override { return {900, 480}; }
    // The smallest size the window may give it.
    QSize minimumSizeHint() const override { return {480, 300}; }

signals:
    // The user clicked an item, to inspect it.
    void itemClicked(const ui::NetworkItem& item);

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh(TrainingController::Changes what);
    void relayout();
    QString number(double value) const;
    QString parameterLabelText(bool weight, int index) const;
    void drawHighlight(QPainter& painter) const;
    void drawEdges(QPainter& painter) const;
    void drawNodes(QPainter& painter) const;
    void drawLabels(QPainter& painter) const;
    void drawLoss(QPainter& painter) const;
    void drawLegend(QPainter& painter) const;
    // Whether the legend says something else than the layout placed (it names the sample shown,
    // which moves with the terms).
    bool legendChanged() const;
    void drawDivergence(QPainter& painter) const;
    // Draws what `draw` paints into `box`, from an image made the first time `key` is asked
    // for and kept until the layout changes.
    void drawCached(QPainter& painter, const QString& key, const QRectF& box,
                    const std::function<void(QPainter&)>& draw) const;

    // The values of the sample shown, "?" or "—" when not revealed.
    QString text(const core::QuantityRef& ref) const;

    const TrainingController* model_;
    NetworkLayout layout_;
    mutable QHash<QString, QPixmap> images_;  // see drawCached
};

}  // namespace ui
