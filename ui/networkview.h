#pragma once

#include <QHash>
#include <QPixmap>
#include <QWidget>
#include <functional>

#include "networkitem.h"
#include "networklayout.h"
#include "stepreveal.h"

namespace ui {

// Draws a step of the network: nodes with their net and out, every weight and bias on its edge
// with its gradient and the direction the next update moves it, targets and errors beside the
// outputs, and E_total large. Colour and line style give a weight's sign, thickness its size.
// Values the position has not revealed show "?"; the current term's path is highlighted. It
// renders values it is given and never touches the engine.
class NetworkView : public QWidget {
    Q_OBJECT

public:
    explicit NetworkView(QWidget* parent = nullptr);

    // A whole iteration: every value of `snapshot` known but the update.
    void setSnapshot(const core::StepSnapshot& snapshot);
    // A step and how much of it is known (copies are kept: both are values).
    void setStep(const StepReveal& reveal);
    const core::StepSnapshot& snapshot() const { return reveal_.step(); }
    const StepReveal& reveal() const { return reveal_; }
    // Which sample's forward and backward values the nodes show (the gradients are the batch's).
    void setSample(int sample);
    int sample() const { return sample_; }
    // Significant digits of every number drawn (default 4).
    void setDigits(int digits);
    int digits() const { return digits_; }

    // The two lines drawn on a weight's edge, e.g. "w5 = 0.3589 ▼\n∂E/∂w5 = 0.07185".
    QString weightLabelText(int weight) const;
    // The two lines drawn for a bias.
    QString biasLabelText(int bias) const;
    const NetworkLayout& networkLayout() const { return layout_; }
    // What is drawn at `position`.
    NetworkItem itemAt(QPointF position) const;

    QSize sizeHint() const override { return {900, 480}; }
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
    void relayout();
    QString number(double value) const;
    // "w5 = 0.4 ▼" over "∂E/∂w5 = 0.08217", or the short form of a dense network.
    QString parameterLabel(const std::string& name, const QString& value, const QString& gradient,
                           const QString& note) const;
    QString parameterLabelText(bool weight, int index) const;
    void drawHighlight(QPainter& painter) const;
    void drawEdges(QPainter& painter) const;
    void drawNodes(QPainter& painter) const;
    void drawLabels(QPainter& painter) const;
    void drawLossAndLegend(QPainter& painter) const;
    void drawDivergence(QPainter& painter) const;
    // Draws what `draw` paints into `box`, from an image made the first time `key` is asked
    // for and kept until the layout changes.
    void drawCached(QPainter& painter, const QString& key, const QRectF& box,
                    const std::function<void(QPainter&)>& draw) const;

    StepReveal reveal_;
    std::vector<int> shownLayers_;  // the layer sizes the layout was made for
    core::BiasMode shownBiasMode_ = core::BiasMode::Shared;
    NetworkLayout layout_;
    mutable QHash<QString, QPixmap> images_;  // see drawCached
    int sample_ = 0;
    int digits_ = 4;
};

}  // namespace ui
