export {
  createTopics,
  deleteTopics,
  describeKafka,
  isCi,
  kafkaAvailableSync,
  kafkaBrokers,
  kafkaClient,
  probeKafka,
  requireKafka,
  uniqueTopic,
  type TopicSpec,
} from './kafka.js';
export { killBroker, restartBroker, startBroker, stopBroker } from './broker-process.js';
