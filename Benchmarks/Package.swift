// swift-tools-version: 6.1
// Parcours performance benchmarks (ordo-one/package-benchmark), kept in their own package so that
// the main package's build, tests and CI never see the benchmark dependency.
// SPDX-License-Identifier: GPL-3.0-or-later
//
//   cd Benchmarks && ./run          # run every benchmark
//   cd Benchmarks && ./run check    # compare with the committed thresholds in Thresholds/
import PackageDescription

let package = Package(
    name: "ParcoursBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // Only the malloc interposer (malloc counts); the default traits would also pull in the
        // Swift 6.3 runtime interposer, which this machine's package mirror does not carry.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ParcoursBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParcoursEngine", package: "main"),
                .product(name: "ParcoursScenario", package: "main"),
                .product(name: "ParcoursGenerator", package: "main"),
                .product(name: "Modelling", package: "main"),
            ],
            path: "ParcoursBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
