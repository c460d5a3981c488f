#pragma once

#include <QWidget>
#include <memory>

#include "lossextremes.h"
#include "lossplotnotes.h"
#include "pinnedruns.h"
#include "trainingcontroller.h"

class QCheckBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QMouseEvent;
class QToolButton;

namespace ui {

class LossCurve;

// E_total against iteration, drawn with QCustomPlot straight from the model's loss curve: on a
// linear or log axis, following the newest point or holding the user's zoom and pan, with a
// labelled marker wherever the user changed the learning rate, the current iteration, the
// preview of a dragged rate, the pinned runs and the regime's name. A view of the model: one
// replot per change that concerns it.
class LossPlot : public QWidget {
    Q_OBJECT

public:
    explicit LossPlot(TrainingController* model, QWidget* parent = nullptr);

    // Whether the loss axis is logarithmic.
    bool logScale() const;
    void setLogScale(bool on);
    // Whether the view follows the newest point; dragging or zooming the plot turns it off.
    bool followsNewest() const;
    void setFollowNewest(bool on);

    // What the hover tooltip shows for the mouse at `position` (plot widget coordinates), e.g.
    // "iteration 1200\nloss 0.0123457", or empty when nothing is near.
    QString hoverText(const QPoint& position) const;
    // The QCustomPlot inside; its texts are named "rateMarkerLabel", "pinnedRunLabel" and
    // "regimeLabel", and LossPlotNotes' "stableRateLabel" and "previewRegimeLabel".
    QCustomPlot* customPlot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    struct RateMarker {
        QCPItemStraightLine* line;
        QCPItemText* label;
    };
    QWidget* buildControls();
    void setUpAxes();
    void setUpItems();
    // Fonts, pens and colours for the model's zoom and the theme in force.
    void restyle();
    void refresh(TrainingController::Changes what);
    void showCurve(bool rewritten);
    void showRateMarkers();
    void fitTicks();
    void placeMarkerLabels();
    void showPreview();
    void showRegime();
    void showPins();
    void updatePinnedMenu();
    void rescale();
    void showHover(QMouseEvent* event);

    TrainingController* model_;
    QCustomPlot* plot_;
    PinnedRuns pinned_;
    LossCurve* curve_ = nullptr;
    QCheckBox* logScaleBox_ = nullptr;
    QToolButton* followButton_ = nullptr;
    QToolButton* pinButton_ = nullptr;
    QToolButton* pinnedButton_ = nullptr;
    std::vector<RateMarker> markers_;
    QCPItemStraightLine* current_ = nullptr;
    QCPGraph* preview_ = nullptr;
    LossExtremes previewExtremes_;
    QCPItemText* regimeLabel_ = nullptr;
    std::unique_ptr<LossPlotNotes> notes_;
    long long shownGeneration_ = -1;  // the history generation the extremes were taken of
    std::size_t shownSettled_ = 0;    // points of the curve taken into settledExtremes_
    LossExtremes settledExtremes_;    // of the settled points, kept as they come
    LossExtremes extremes_;           // of all points of the curve
    bool following_ = true;
    bool pressed_ = false;  // a mouse button is down on the plot
};

}  // namespace ui
