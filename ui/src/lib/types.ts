export const MODEL_TYPES = ['llm', 'embedding', 'rerank', 'image', 'audio', 'video'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];
export type Visibility = 'PRIVATE' | 'PUBLIC' | 'ENTERPRISE';
export type ModelStatus = 'DRAFT' | 'PENDING_REVIEW' | 'REJECTED' | 'APPROVED' | 'EXPIRED' | 'DELETED';

export interface Owner {
  subject?: string;
  username?: string;
}

export interface ModelSummary {
  modelId: string;
  modelName: string;
  modelType: ModelType;
  visibility?: Visibility;
  status?: ModelStatus;
  owner?: Owner;
  description?: string;
  abilities?: string[];
  languages?: string[];
  formats?: string[];
  sizesInBillions?: (number | string)[];
  featured?: boolean;
  updatedAt?: string;
  expiresAt?: string | null;
  version?: number;
  /** for a text search: matched parts of modelName / description / readme, marked with U+E000…U+E001 */
  highlights?: Record<string, string[]>;
}

export interface Suggestion {
  modelName: string;
  modelType: ModelType;
  highlighted: string;
}

export type Facets = Record<string, Record<string, number>>;

export interface SearchPage {
  items: ModelSummary[];
  total?: number;
  facets?: Facets;
  nextCursor?: string | null;
}

export interface ReviewRound {
  round: number;
  submittedAt?: string;
  submitter?: Owner | string;
  decision?: string | null;
  reviewer?: Owner | string | null;
  feedback?: string | null;
  decidedAt?: string | null;
}

export interface ModelDetail extends ModelSummary {
  definition: Record<string, unknown>;
  readme?: string | null;
  createdAt?: string;
  compatibility?: unknown;
  reviewRounds?: ReviewRound[];
  pullRequests?: unknown[];
  stale?: boolean;
}

export interface ChangeResult {
  modelId: string;
  modelName: string;
  status: ModelStatus;
  version: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: { pointer?: string; message: string }[];
  compatibility?: unknown;
}
