/** One CloudWatch metric datum written as a log line. */
export interface EmbeddedMetric {
  namespace: string;
  name: string;
  value: number;
  /** Dimension name → value (e.g. `{ Stage: 'prod' }`). */
  dimensions: Record<string, string>;
  unit?: 'None' | 'Count';
  /** Defaults to now. */
  timestamp?: Date;
}

/**
 * Formats a metric in CloudWatch's embedded metric format (EMF): a JSON log line that
 * CloudWatch Logs turns into a metric, with no API call or IAM permission from the Lambda.
 */
export function embeddedMetricLine(metric: EmbeddedMetric): string {
  const dimensionNames = Object.keys(metric.dimensions);
  return JSON.stringify({
    _aws: {
      Timestamp: (metric.timestamp ?? new Date()).getTime(),
      CloudWatchMetrics: [
        {
          Namespace: metric.namespace,
          Dimensions: [dimensionNames],
          Metrics: [{ Name: metric.name, Unit: metric.unit ?? 'None' }],
        },
      ],
    },
    ...metric.dimensions,
    [metric.name]: metric.value,
  });
}
