#include "csvrows.h"

#include <charconv>

#include "numbertext.h"

namespace core {

std::string csvHeader(const Topology& topology) {
    std::string header = "step,learning_rate,loss";
    for (int w = 0; w < topology.weightCount(); ++w)
        header += "," + topology.weightName(w);
    for (int b = 0; b < topology.biasCount(); ++b)
        header += "," + topology.biasName(b);
    return header + "\n";
}

void appendCsvRow(std::string& out, long long step, double learningRate, double loss,
                  const Parameters& parameters) {
    // Written in place into room for the longest row, then cut to what was written.
    constexpr int digits = DigitsRange::max;
    constexpr std::size_t stepLength = 20;  // the longest step, "-9223372036854775808"
    const std::size_t numbers = 2 + parameters.weights.size() + parameters.biases.size();
    const std::size_t start = out.size();
    out.resize(start + stepLength + numbers * (1 + kMaxNumberLength) + 1);
    char* end = std::to_chars(out.data() + start, out.data() + start + stepLength, step).ptr;
    const auto number = [&end](double value) {
        *end++ = ',';
        end = writeNumber(end, value, digits);
    };
    number(learningRate);
    number(loss);
    for (const double w : parameters.weights)
        number(w);
    for (const double b : parameters.biases)
        number(b);
    *end++ = '\n';
    out.resize(std::size_t(end - out.data()));
}

}  // namespace core
