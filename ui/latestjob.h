#pragma once

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>

namespace ui {

// One worker thread for one kind of question, where only the newest question counts: asking
// cancels the question before (its cancel flag turns true), and an answer is handed back, on
// this object's thread, only when no newer question was asked since: a stale answer is dropped,
// never shown. Questions run one after another, so work that keeps state between questions
// (a replay going on) has it to itself. Nothing here ever blocks the UI thread but the
// destructor, which waits for the question in progress (it reads its flag, so not for long).
class LatestJob : public QObject {
    Q_OBJECT

public:
    // What a question does on the worker: it reads `cancelled` as it goes and returns what to
    // do with its answer on this object's thread.
    using Work = std::function<std::function<void()>(const std::atomic<bool>& cancelled)>;

    explicit LatestJob(QObject* parent = nullptr);
    ~LatestJob() override;

    // Asks `work`, cancelling the question before.
    void ask(Work work);
    // Cancels the question asked last: its answer, if it comes, is dropped.
    void cancel();
    // Whether a question is asked or running whose answer has not come back yet.
    bool isBusy() const { return inFlight_ > 0; }

signals:
    // The last question's answer was handed back (or dropped): nothing is in flight.
    void idle();

private:
    QThreadPool pool_;
    unsigned long long asked_ = 0;  // the generation of the newest question
    int inFlight_ = 0;              // questions asked whose answer has not come back
    std::shared_ptr<std::atomic<bool>> stop_;
};

}  // namespace ui
