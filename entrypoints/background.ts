import { defineBackground } from 'wxt/utils/define-background';
import { listenForMessages } from '../src/background/listen';

export default defineBackground(() => {
  listenForMessages();
});
