#pragma once

#include <QImage>
#include <QWidget>
#include <optional>

#include "decisiongrid.h"
#include "decisionmapframe.h"
#include "decisionscale.h"
#include "trainingcontroller.h"

class QComboBox;

namespace ui {

// For a network with two inputs, what it answers at every point of the input plane: one output
// (o1 unless another is chosen) as colour over i1 (across) and i2 (up), a colour bar saying the
// scale, and the samples as dots filled with their targets on the same scale. It shows the
// network at the step shown, as the network view does, so it follows training, stepping and the
// timeline. The plane spans the samples with a margin. For other networks it says why there is no
// map. A view of the model: it redraws from the step shown and keeps only the picture made of it.
class DecisionMap : public QWidget {
    Q_OBJECT

public:
    explicit DecisionMap(TrainingController* model, QWidget* parent = nullptr);

    // The output shown, 0 for o1; and the choice of another (what the output box does).
    int shownOutput() const;
    void setShownOutput(int output);
    // The map's value at `inputs` (i1, i2): the output at the centre of the cell holding them
    // (see evaluatedAt); NaN when no map is shown.
    double valueAt(QPointF inputs) const;
    // The inputs at the centre of that cell: where the value shown there was computed.
    QPointF evaluatedAt(QPointF inputs) const;
    // Where in the widget `inputs` are drawn.
    QPointF pixelAt(QPointF inputs) const;
    // The cells the map is computed on now (columns, rows); empty when no map is shown.
    QSize cells() const;
    // The sentence shown instead of a map, when the network has not two inputs; else empty.
    QString message() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // What is drawn of one step shown, output and size: made anew when any of them changes.
    struct Picture {
        DecisionGrid grid;
        DecisionScale scale;
        QImage image;  // a pixel per cell
    };
    void refresh(TrainingController::Changes what);
    void fillOutputChoice();
    void describe();
    bool showsMap() const;
    InputArea area() const;
    DecisionMapFrame frame() const;
    const Picture& picture() const;
    void paintSamples(QPainter& painter, const DecisionMapFrame& frame,
                      const DecisionScale& scale) const;

    TrainingController* model_;
    QWidget* header_;
    QComboBox* outputChoice_;
    mutable std::optional<Picture> picture_;
};

}  // namespace ui
