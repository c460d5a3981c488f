#include "latestjob.h"

#include <QMetaObject>
#include <QThread>

namespace ui {

LatestJob::LatestJob(QObject* parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
}

LatestJob::~LatestJob() {
    if (stop_) *stop_ = true;
    pool_.clear();
    pool_.waitForDone();
}

void LatestJob::cancel() {
    if (stop_) *stop_ = true;
    ++asked_;
}

void LatestJob::ask(Work work) {
    cancel();
    stop_ = std::make_shared<std::atomic<bool>>(false);
    ++inFlight_;
    pool_.start([this, generation = asked_, stop = stop_, work = std::move(work)] {
        QThread::currentThread()->setPriority(QThread::LowPriority);
        // A question cancelled before it started skips its work.
        std::function<void()> deliver = *stop ? nullptr : work(*stop);
        QMetaObject::invokeMethod(
            this,
            [this, generation, stop, deliver = std::move(deliver)] {
                --inFlight_;
                if (generation == asked_ && !*stop && deliver) deliver();
                if (inFlight_ == 0) emit idle();
            },
            Qt::QueuedConnection);
    });
}

}  // namespace ui
