import { startOnDeviceRunner } from '@/services/model/chrome-ai/on-device-runner';

// The offscreen document only runs Chrome's built-in AI for the background (on-device-runner.ts).
startOnDeviceRunner();
