import { beforeEach } from 'vitest';
import { fakePermissions, installFakePermissions } from './fake-permissions';

installFakePermissions();
beforeEach(() => fakePermissions.reset());
