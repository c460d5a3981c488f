#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

#include "landscapecontrols.h"
#include "landscapejob.h"
#include "landscapeplot.h"
#include "latestjob.h"
#include "trainingcontroller.h"
#include "trajectoryreplay.h"

class QLabel;

namespace ui {

// The loss landscape: the batch loss E over a plane through parameter space around the current
// state (two parameters moved, every other one as it is now; or along the Hessian's top two
// eigenvectors), with the run's path projected on it, up to the step shown. A view of the model:
// it redraws from the step shown and keeps only the pictures made of it. The map is computed on a
// worker (LatestJob), at most every kThrottleMs while the state moves, its centre fixed until the
// point leaves the middle kMiddle of it; the path is replayed from the run's start on another.
class LandscapePanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kThrottleMs = 200;
    static constexpr double kMiddle = 0.6;

    explicit LandscapePanel(TrainingController* model, QWidget* parent = nullptr);

    LandscapeControls* controls() const { return controls_; }
    LandscapePlot* plot() const { return plot_; }
    // The landscape drawn, if one is.
    const std::optional<core::LossLandscape>& landscape() const { return landscape_; }
    // The path drawn: the run's points up to the step shown, the current one last.
    std::vector<TrajectoryPoint> path() const;
    // The same on the drawn landscape's plane, in its coordinates (a, b).
    std::vector<QPointF> pathCoordinates() const;
    // The two weights with the largest |dE/dw| in `step` (ties: the first), largest first;
    // a weight and a bias, or two biases, when there are fewer weights.
    static std::pair<int, int> steepestPair(const core::StepSnapshot& step);
    // Centres the map on the current point anew.
    void recentre();
    // Whether anything is computed, or waits to be.
    bool isBusy() const;
    // Handles events until nothing is (false on time out). For tests and images of the window.
    bool waitUntilIdle(int timeoutMilliseconds = 60'000);

    // As large as the decision map beside it asks: its row of choices may be cut rather than
    // squeeze the window's other parts.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh(TrainingController::Changes what);
    void scheduleMap();
    void askMap();
    void askPath();
    void followRun();
    void take(LandscapeAnswer answer, QPointF offset, QString firstName, QString secondName);
    void drawPath();
    void describe();
    bool pointLeftMiddle() const;
    QString parameterName(int index) const;

    TrainingController* model_;
    LandscapeControls* controls_;
    LandscapePlot* plot_;
    QLabel* note_;
    LatestJob mapJob_;
    LatestJob pathJob_;
    QTimer throttle_;
    QElapsedTimer lastAsked_;
    bool recentre_ = true;                    // the next map is centred on the current point
    std::optional<core::Parameters> centre_;  // the point the map is centred on
    std::pair<int, int> pair_{0, 1};          // the parameters across and up, when along them
    std::optional<core::LossLandscape> landscape_;
    QString problem_;                           // why there is no landscape, if there is none
    std::vector<double> eigenvalues_;           // the Hessian plane: lambda of each direction
    std::vector<TrajectoryPoint> replayed_;     // the run's points the replay has handed back
    long long replayedTo_ = 0;                  // where it got
    std::shared_ptr<TrajectoryReplay> replay_;  // used by pathJob_'s worker only
    core::NetworkConfig pathStart_;             // the run the path is of: its start and rates
    std::map<long long, double> pathRates_;
};

}  // namespace ui
