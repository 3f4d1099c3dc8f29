export { CATEGORY_LABEL, KIND_LABEL, STAGE_LABEL, STATUS_LABEL, TREND_LABEL } from '../../shared/labels';
