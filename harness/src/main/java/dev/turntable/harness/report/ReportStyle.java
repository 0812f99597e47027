package dev.turntable.harness.report;

/** The page's stylesheet, inline so index.html stands alone. It styles the inline SVG too. */
final class ReportStyle {
  private ReportStyle() {}

  static final String CSS =
      """
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
             color: #1f2937;
             margin: 24px; max-width: 1240px; }
      h1 { font-size: 22px; margin: 0 0 12px; }
      h2 { font-size: 18px; margin: 0 0 4px; }
      h3 { font-size: 15px; margin: 18px 0 6px; }
      a { color: #1d4ed8; }
      table { border-collapse: collapse; margin: 4px 0; }
      th, td { border: 1px solid #e5e7eb; padding: 3px 8px; text-align: left; vertical-align: top; }
      th { background: #f3f4f6; font-weight: 600; font-size: 13px; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.strong { font-weight: 600; }
      td.accepted { color: #b91c1c; font-weight: 600; }
      td.suppressed { color: #6b7280; }
      .session { border-top: 2px solid #e5e7eb; margin-top: 28px; padding-top: 16px; }
      .description { margin: 2px 0; }
      .meta, .note, .none, .totals { color: #6b7280; font-size: 13px; margin: 4px 0; }
      .verdict { display: inline-block; padding: 0 8px; border-radius: 9px; font-size: 12px;
                 font-weight: 700; text-transform: uppercase; color: #fff; vertical-align: 2px; }
      .verdict.pass { background: #15803d; }
      .verdict.fail { background: #b91c1c; }
      pre.differences { background: #fef2f2; border: 1px solid #fecaca; padding: 8px;
                        overflow-x: auto; font-size: 12px; }
      ul.errors { color: #b91c1c; }
      .legend { font-size: 12px; color: #4b5563; margin: 6px 0; }
      .legend .key { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 12px;
                     vertical-align: -1px; border-radius: 2px; }
      .legend .key:first-child { margin-left: 0; }
      .key.mic { background: #2b6cb0; }
      .key.turn { background: #9ae6b4; border: 1px solid #2f855a; }
      .key.partial { background: #a0aec0; width: 2px; }
      .key.latency { background: #6b46c1; height: 2px; }
      .key.agent { background: #dd6b20; } .key.accepted { background: #dc2626; }
      .key.suppressed { background: #9ca3af; } .key.error { background: #b91c1c; width: 6px; }
      .scroll { overflow-x: auto; border: 1px solid #e5e7eb; border-radius: 4px; background: #fff; }
      svg.timeline { display: block; font-family: system-ui, sans-serif; }
      svg .lane { fill: #f9fafb; }
      svg .lane-name { font-size: 11px; font-weight: 600; fill: #4b5563; }
      svg .grid { stroke: #e5e7eb; stroke-width: 1; }
      svg .axis { font-size: 10px; fill: #6b7280; text-anchor: middle; }
      svg .label { font-size: 11px; fill: #1f2937; }
      svg .small { font-size: 10px; fill: #4b5563; }
      svg .note { font-size: 11px; fill: #9ca3af; font-style: italic; }
      svg .hit { fill: transparent; }
      svg .wave { stroke-width: 1; fill: none; }
      svg .wave.mic { stroke: #2b6cb0; }
      svg .wave.agent { stroke: #dd6b20; }
      svg .partial .tick { stroke: #a0aec0; stroke-width: 1; }
      svg .turn .span { fill: #c6f6d5; stroke: #2f855a; stroke-width: 1; rx: 3px; }
      svg .turn .tail { stroke: #2f855a; stroke-width: 1; stroke-dasharray: 2 2; }
      svg .latency .bar { stroke: #6b46c1; stroke-width: 1.5; }
      svg .latency .small { fill: #6b46c1; }
      svg .reply { fill: #feebc8; opacity: 0.8; }
      svg .reply.stopped { fill: #fed7d7; }
      svg .agent-text { fill: #9c4221; }
      svg .barge.accepted .marker { fill: #dc2626; }
      svg .barge.accepted .guide { stroke: #dc2626; stroke-width: 1; stroke-dasharray: 4 3;
                                   opacity: 0.7; }
      svg .barge.accepted .label { fill: #b91c1c; }
      svg .barge.suppressed .marker { fill: #9ca3af; }
      svg .barge.suppressed .label { fill: #6b7280; }
      svg .error .marker { fill: #b91c1c; }
      svg .error .bang { fill: #fff; font-size: 12px; font-weight: 700; }
      svg .state { opacity: 0.9; }
      svg .state.listening { fill: #e6f4ea; } svg .state.thinking { fill: #fef3c7; }
      svg .state.speaking { fill: #feebc8; } svg .state.interrupted { fill: #fed7d7; }
      svg .change .tick { stroke: #374151; stroke-width: 1; }
      """;
}
