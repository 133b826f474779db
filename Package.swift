// swift-tools-version: 6.1
// Parcours — weekly rosters for work-integration social enterprises, solved with GLPK.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "Parcours",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parcours", targets: ["parcours"]),
        .library(name: "ParcoursEngine", targets: ["ParcoursEngine"]),
        .library(name: "ParcoursBench", targets: ["ParcoursBench"]),
        .library(name: "ParcoursScenario", targets: ["ParcoursScenario"]),
        .library(name: "ParcoursGenerator", targets: ["ParcoursGenerator"]),
        .library(name: "ParcoursRoster", targets: ["ParcoursRoster"]),
        .library(name: "ParcoursReports", targets: ["ParcoursReports"]),
        .library(name: "ParcoursExplain", targets: ["ParcoursExplain"]),
        .library(name: "ParcoursHistory", targets: ["ParcoursHistory"]),
        .library(name: "Modelling", targets: ["Modelling"]),
        .library(name: "ModellingGLPK", targets: ["ModellingGLPK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Layer 0: the C library, as Debian ships it (no pkg-config file, hence the modulemap).
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // Layer 1: a thin, safe Swift wrapper around one glp_prob.
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        // Layer 2: solver-agnostic linear / mixed-integer models and the `Solver` protocol; no solver inside.
        .target(name: "Modelling"),
        // Layer 2': the GLPK backend of `Solver` (loading, the dive, branch-and-cut's callback).
        .target(name: "ModellingGLPK", dependencies: ["Modelling", "GLPK"]),
        // Layer 3a: the scenario format (contract §1–3, §7): types, loading, validation, variants.
        .target(name: "ParcoursScenario", dependencies: [
            .product(name: "Yams", package: "Yams"),
        ]),
        // Layer 3a': generated weeks of every size and shape (families, the benchmark matrix), as scenario YAML.
        .target(name: "ParcoursGenerator", dependencies: ["ParcoursScenario"]),
        // Layer 3b: the roster as a value (contract §6): its types, JSON and reading; no solver inside.
        .target(name: "ParcoursRoster", dependencies: ["ParcoursScenario"]),
        // Layer 3b': the week explained from scenario + roster (who is short and why); no solver inside.
        .target(name: "ParcoursExplain", dependencies: ["ParcoursScenario", "ParcoursRoster"]),
        // Layer 3c: the rostering model (contract §4–5), solving, verification.
        .target(name: "ParcoursEngine", dependencies: ["ParcoursScenario", "ParcoursRoster", "ParcoursExplain", "Modelling", "ModellingGLPK"]),
        // Layer 3c': the quality gate and the benchmark matrix: a suite of weeks solved under a work limit, against a baseline.
        .target(name: "ParcoursBench", dependencies: ["ParcoursEngine", "ParcoursScenario", "ParcoursGenerator"]),
        // Layer 3d: what people read — HTML, CSV, ICS, pseudonyms — pure functions of scenario + roster.
        .target(name: "ParcoursReports", dependencies: [
            "ParcoursScenario", "ParcoursRoster",
            .product(name: "Plot", package: "Plot"),
        ]),
        // Layer 3e: the history of published weeks (SQLite through GRDB) and each person's progress; no solver inside.
        .target(name: "ParcoursHistory", dependencies: [
            "ParcoursScenario", "ParcoursRoster", "ParcoursReports",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Plot", package: "Plot"),
        ]),
        // Layer 4: the command line. It only parses and prints.
        .executableTarget(name: "parcours", dependencies: [
            "ParcoursEngine", "ParcoursExplain", "ParcoursReports", "ParcoursGenerator", "ParcoursBench", "ParcoursHistory",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "ModellingTests", dependencies: ["Modelling"]),
        .testTarget(name: "ModellingGLPKTests", dependencies: ["ModellingGLPK", "Modelling", "GLPK"]),
        .testTarget(name: "ParcoursScenarioTests", dependencies: ["ParcoursScenario"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ParcoursGeneratorTests", dependencies: ["ParcoursGenerator", "ParcoursScenario"]),
        .testTarget(name: "ParcoursEngineTests", dependencies: ["ParcoursEngine", "ParcoursExplain", "ParcoursGenerator", "ParcoursBench", "ParcoursHistory", "ModellingGLPK", "GLPK"]),
        .testTarget(name: "ParcoursHistoryTests", dependencies: ["ParcoursHistory", "ParcoursScenario", "ParcoursRoster"]),
        .testTarget(name: "ParcoursReportsTests", dependencies: ["ParcoursReports", "ParcoursScenario", "ParcoursRoster"]),
    ],
    swiftLanguageModes: [.v6]
)
