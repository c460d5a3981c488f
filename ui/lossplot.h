#pragma once

#include <QWidget>

#include "core/losshistory.h"
#include "lossextremes.h"
#include "pinnedruns.h"

class QCheckBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QMouseEvent;
class QToolButton;

namespace ui {

// E_total against iteration, drawn with QCustomPlot: appended live, on a linear or log axis,
// following the newest point or holding the user's zoom and pan, with a labelled marker wherever
// the learning rate changed and the nearest point's values on hover.
class LossPlot : public QWidget {
    Q_OBJECT

public:
    explicit LossPlot(QWidget* parent = nullptr);

    // Shows `history`: appends what is new since the last call, or redraws all of it when earlier
    // points were rewritten (history.generation() changed). Queues one replot.
    void showHistory(const core::LossHistory& history);
    // A vertical marker for each (iteration, new rate), labelled e.g. "lr 2.5"; replaces the
    // markers shown before.
    void setRateMarkers(const std::vector<std::pair<long long, double>>& changes);
    // A line at the iteration the window shows, for when it goes back in the run.
    void setCurrentIteration(long long iteration);
    // A dashed curve of E at iterations first, first + 1, ..: what the run would do at another
    // rate. No losses hide it.
    void setPreview(long long firstIteration, const std::vector<double>& losses);
    // Keeps `points` as a faded curve labelled `label`, to compare runs; false when
    // maxPinnedRuns are pinned already.
    bool pinRun(const std::vector<core::LossHistory::Point>& points, const QString& label);
    void removePinnedRun(int index);
    QStringList pinnedRunLabels() const;
    static constexpr int maxPinnedRuns = PinnedRuns::maximum;
    // Names the regime of the run in the plot's corner.
    void showRegime(const QString& name, const QColor& color);
    QString shownRegime() const;
    // Removes the curve and every marker, for a new run.
    void clear();

    // Whether the loss axis is logarithmic.
    bool logScale() const;
    void setLogScale(bool on);
    // Whether the view follows the newest point; zooming or panning turns it off.
    bool followsNewest() const;
    void setFollowNewest(bool on);

    // What the hover tooltip shows for the mouse at `position` (plot widget coordinates), e.g.
    // "iteration 1200\nloss 0.0123457", or empty when no point is near.
    QString hoverText(const QPoint& position) const;
    // How many learning-rate markers the plot shows.
    int rateMarkerCount() const;
    // The QCustomPlot inside, for tests and benchmarks.
    QCustomPlot* customPlot() const { return plot_; }

signals:
    // The loss axis turned logarithmic or linear.
    void logScaleChanged(bool on);
    // The view started or stopped following the newest point.
    void followNewestChanged(bool on);
    // The user asked to pin the current run.
    void pinRequested();

private:
    struct RateMarker {
        long long iteration;
        QCPItemStraightLine* line;
        QCPItemText* label;
    };
    void rescale();
    void rescaleTo(const LossExtremes& extremes, long long lastIteration);
    void updatePinnedMenu();
    void showHover(QMouseEvent* event);

    QCustomPlot* plot_;
    PinnedRuns pinned_;
    QCPGraph* curve_ = nullptr;
    QCheckBox* logScaleBox_ = nullptr;
    QToolButton* followButton_ = nullptr;
    std::vector<RateMarker> markers_;
    QCPItemStraightLine* current_ = nullptr;
    QCPGraph* preview_ = nullptr;
    LossExtremes previewExtremes_;
    long long previewLast_ = 0;
    QCPItemText* regimeLabel_ = nullptr;
    QToolButton* pinButton_ = nullptr;
    QToolButton* pinnedButton_ = nullptr;
    long long shownGeneration_ = -1;  // the history generation the curve shows
    std::size_t shownSettled_ = 0;    // points of the curve that are final
    LossExtremes settledExtremes_;    // of the final points, kept as they come
    LossExtremes extremes_;           // of all points shown
    long long lastIteration_ = 0;
    bool following_ = true;
};

}  // namespace ui
