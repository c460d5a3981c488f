#include "losshistory.h"

#include <algorithm>

namespace core {

namespace {

// A bucket's two points, lowest and highest, ordered by iteration.
void storeExtremes(std::vector<LossHistory::Point>& out, LossHistory::Point low,
                   LossHistory::Point high) {
    if (high.iteration < low.iteration) std::swap(low, high);
    out.push_back(low);
    out.push_back(high);
}

// The points regrouped into buckets of `span` iterations, each keeping its lowest and highest.
std::vector<LossHistory::Point> bucketExtremes(const std::vector<LossHistory::Point>& points,
                                               long long span) {
    std::vector<LossHistory::Point> buckets;
    std::size_t i = 0;
    while (i < points.size()) {
        const long long bucket = points[i].iteration / span;
        LossHistory::Point low = points[i], high = points[i];
        for (; i < points.size() && points[i].iteration / span == bucket; ++i) {
            if (points[i].loss < low.loss) low = points[i];
            if (points[i].loss > high.loss) high = points[i];
        }
        storeExtremes(buckets, low, high);
    }
    return buckets;
}

}  // namespace

LossHistory::LossHistory(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 4)) {
    capacity_ -= capacity_ % 2;
}

void LossHistory::append(double loss) {
    const Point point{size_++, loss};
    if (stride_ == 1) {
        points_.push_back(point);
        settled_ = points_.size();
    } else if (point.iteration % stride_ == 0) {
        // A new bucket opens with the point as both its lowest and its highest.
        settled_ = points_.size();
        points_.push_back(point);
        points_.push_back(point);
    } else {
        // Widen the open bucket.
        Point& first = points_[settled_];
        Point& second = points_[settled_ + 1];
        Point low = first.loss <= second.loss ? first : second;
        Point high = first.loss <= second.loss ? second : first;
        if (loss < low.loss) low = point;
        if (loss > high.loss) high = point;
        points_.resize(settled_);
        storeExtremes(points_, low, high);
    }
    if (points_.size() > capacity_) mergePairs();
}

void LossHistory::mergePairs() {
    // Each merged bucket spans two old ones: the lowest and highest of their (up to) four points.
    stride_ *= 2;
    points_ = bucketExtremes(points_, stride_);
    settled_ = points_.size() - 2;
    ++generation_;
}

long long LossHistory::truncate(long long iteration) {
    if (iteration >= size_) return size_;
    const long long bucketStart = iteration - iteration % stride_;
    const auto keep = std::find_if(points_.begin(), points_.end(),
                                   [&](const Point& p) { return p.iteration >= bucketStart; });
    points_.erase(keep, points_.end());
    settled_ = points_.size();
    size_ = bucketStart;
    ++generation_;
    return bucketStart;
}

std::vector<LossHistory::Point> LossHistory::summary(std::size_t maxPoints) const {
    if (points_.size() <= maxPoints || points_.empty()) return points_;
    const long long buckets = static_cast<long long>(maxPoints / 2);
    return bucketExtremes(points_, (size_ + buckets - 1) / buckets);
}

void LossHistory::clear() {
    points_.clear();
    settled_ = 0;
    size_ = 0;
    stride_ = 1;
    ++generation_;
}

}  // namespace core
