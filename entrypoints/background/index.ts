import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/services/background/start-background';

export default defineBackground({
  main() {
    startBackground();
  },
});
